package br.prontuario.edge.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's k8s overlays as {@code kubectl kustomize} renders them, one node per object. */
final class Manifests {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private Manifests() {}

  static Path repoRoot() {
    String configured = System.getProperty("repo.root");
    Path root = configured == null || configured.isBlank() ? Path.of("..") : Path.of(configured);
    return root.toAbsolutePath().normalize();
  }

  private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

  /**
   * Renders {@code k8s/overlays/NAME} once per test JVM (callers copy a node before changing it);
   * fails loudly when kubectl is missing or kustomize refuses.
   */
  static List<JsonNode> render(String overlay) {
    return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
  }

  private static List<JsonNode> kustomize(String overlay) {
    Path dir = repoRoot().resolve("k8s/overlays").resolve(overlay);
    String yaml = kubectl("kustomize", dir.toString());
    return YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll().stream()
        .filter(node -> node != null && !node.isNull() && !node.isEmpty())
        .toList();
  }

  /** One YAML file of the repository, e.g. an overlay's site-network.yaml. */
  static JsonNode repoRootYaml(String path) {
    try {
      return YAML.readTree(Files.readString(repoRoot().resolve(path)));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static JsonNode find(List<JsonNode> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> o.path("kind").asString().equals(kind))
        .filter(o -> o.path("metadata").path("name").asString().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
  }

  static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> o.path("kind").asString().equals(kind)).toList();
  }

  static String kubectl(String... args) {
    String[] command = new String[args.length + 1];
    command[0] = "kubectl";
    System.arraycopy(args, 0, command, 1, args.length);
    return Commands.run(repoRoot(), 60, command);
  }
}
