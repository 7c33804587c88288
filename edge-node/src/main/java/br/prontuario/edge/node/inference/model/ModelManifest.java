package br.prontuario.edge.node.inference.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The models a node should run, as pinned in its manifest file:
 *
 * <pre>{"models": [{"name": "chat", "files": {"model": {"path": "chat/model.onnx",
 *   "sha256": "…", "size": 123}, "tokenizer": {…}}}]}</pre>
 *
 * Relative paths resolve against the manifest's folder, so a model folder can be synced as a unit.
 */
public record ModelManifest(Map<String, Map<String, ModelFile>> models) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public ModelManifest {
    models = Map.copyOf(models);
  }

  public static ModelManifest empty() {
    return new ModelManifest(Map.of());
  }

  public static ModelManifest read(Path manifest) throws IOException {
    JsonNode root = JSON.readTree(Files.readString(manifest));
    Path base = manifest.toAbsolutePath().getParent();
    Map<String, Map<String, ModelFile>> models = new LinkedHashMap<>();
    for (JsonNode entry : root.path("models")) {
      String name = text(entry, "name");
      Map<String, ModelFile> files = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> file : entry.path("files").properties()) {
        JsonNode spec = file.getValue();
        Path path = base.resolve(text(spec, "path")).normalize();
        files.put(file.getKey(), new ModelFile(path, text(spec, "sha256").toLowerCase(), spec.path("size").asLong(-1)));
      }
      if (files.isEmpty()) {
        throw new IOException("manifest " + manifest + ": model '" + name + "' lists no files");
      }
      models.put(name, Map.copyOf(files));
    }
    return new ModelManifest(models);
  }

  public Optional<Map<String, ModelFile>> filesOf(String model) {
    return Optional.ofNullable(models.get(model));
  }

  public List<String> names() {
    return List.copyOf(models.keySet());
  }

  private static String text(JsonNode node, String field) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || !value.isString() || value.asString().isBlank()) {
      throw new IOException("model manifest: missing '" + field + "' in " + node);
    }
    return value.asString();
  }
}
