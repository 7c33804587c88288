package br.prontuario.edge.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Custom resources checked against the openAPIV3Schema of their pinned CRD the way the API server
 * does with strict field validation: types, required fields, enums, and unknown fields rejected
 * unless the schema preserves them ({@code x-kubernetes-preserve-unknown-fields}) or is a map
 * ({@code additionalProperties}).
 */
final class CrdSchema {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final Map<String, JsonNode> schemas;

  private CrdSchema(Map<String, JsonNode> schemas) {
    this.schemas = schemas;
  }

  static CrdSchema load(Path dir) {
    Map<String, JsonNode> schemas = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode spec = YAML.readTree(Files.readString(file)).path("spec");
        String group = spec.path("group").asString();
        String kind = spec.path("names").path("kind").asString();
        for (JsonNode version : spec.path("versions")) {
          schemas.put(group + "/" + version.path("name").asString() + "/" + kind,
              version.path("schema").path("openAPIV3Schema"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CrdSchema(schemas);
  }

  boolean knows(JsonNode object) {
    return schemas.containsKey(key(object));
  }

  /**
   * Empty when the object conforms; otherwise one line per violation, with its path. The CRD
   * schemas say only {@code metadata: {type: object}}: metadata is the API server's ObjectMeta,
   * read strictly with fabric8's model instead (RenderedOverlaysTest).
   */
  List<String> violations(JsonNode object) {
    JsonNode schema = schemas.get(key(object));
    if (schema == null) {
      return List.of("no pinned CRD for " + key(object));
    }
    ObjectNode withoutMetadata = (ObjectNode) object.deepCopy();
    withoutMetadata.remove("metadata");
    List<String> out = new ArrayList<>();
    check(withoutMetadata, schema, object.path("kind").asString(), out);
    return out;
  }

  private static String key(JsonNode object) {
    return object.path("apiVersion").asString() + "/" + object.path("kind").asString();
  }

  private static void check(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isString()) {
        out.add(path + ": expected an integer or a string");
      }
      return;
    }
    switch (schema.path("type").asString("")) {
      case "object" -> checkObject(value, schema, path, out);
      case "array" -> {
        if (!value.isArray()) {
          out.add(path + ": expected an array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
        }
      }
      case "string" -> expect(value.isString(), path, "a string", out);
      case "integer" -> expect(value.isIntegralNumber(), path, "an integer", out);
      case "number" -> expect(value.isNumber(), path, "a number", out);
      case "boolean" -> expect(value.isBoolean(), path, "a boolean", out);
      default -> { }
    }
    JsonNode allowed = schema.path("enum");
    if (allowed.isArray() && !allowed.isEmpty() && !contains(allowed, value)) {
      out.add(path + ": " + value + " is not one of " + allowed);
    }
  }

  private static void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
    if (!value.isObject()) {
      out.add(path + ": expected an object");
      return;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    boolean preserves = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String at = path + "." + field.getKey();
      if (properties.has(field.getKey())) {
        check(field.getValue(), properties.get(field.getKey()), at, out);
      } else if (additional.isObject()) {
        check(field.getValue(), additional, at, out);
      } else if (!preserves && !additional.asBoolean(false)) {
        out.add(at + ": unknown field");
      }
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asString())) {
        out.add(path + "." + required.asString() + ": required");
      }
    }
  }

  private static void expect(boolean ok, String path, String what, List<String> out) {
    if (!ok) {
      out.add(path + ": expected " + what);
    }
  }

  private static boolean contains(JsonNode allowed, JsonNode value) {
    for (JsonNode candidate : allowed) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }
}
