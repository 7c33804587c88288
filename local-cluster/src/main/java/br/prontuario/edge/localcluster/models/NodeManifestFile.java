package br.prontuario.edge.localcluster.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's model manifest ({@code DIR/NODE/models/manifest.json}, what edge-node's
 * {@code edge.inference.manifest} and {@code edgectl models verify} read): entries are replaced by
 * name, other entries are kept, and the file is replaced atomically so a node never reads half a
 * manifest.
 */
public final class NodeManifestFile {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One pinned file; {@code path} is relative to the manifest's folder. */
  public record Pin(String path, String sha256, long size) {}

  private final Path file;
  private final Map<String, Map<String, Pin>> models = new TreeMap<>();

  private NodeManifestFile(Path file) {
    this.file = file;
  }

  public static NodeManifestFile at(Path file) throws IOException {
    NodeManifestFile manifest = new NodeManifestFile(file);
    if (Files.isRegularFile(file)) {
      JsonNode root = JSON.readTree(Files.readString(file));
      for (JsonNode model : root.path("models")) {
        Map<String, Pin> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> f : model.path("files").properties()) {
          JsonNode spec = f.getValue();
          files.put(f.getKey(), new Pin(spec.path("path").asString(""), spec.path("sha256").asString(""),
              spec.path("size").asLong(-1)));
        }
        manifest.models.put(model.path("name").asString(""), files);
      }
    }
    return manifest;
  }

  public Path folder() {
    return file.toAbsolutePath().getParent();
  }

  public void put(String model, Map<String, Pin> files) {
    models.put(model, new TreeMap<>(files));
  }

  public Map<String, Map<String, Pin>> models() {
    return Map.copyOf(models);
  }

  public void write() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("models");
    models.forEach((name, files) -> {
      ObjectNode model = list.addObject();
      model.put("name", name);
      ObjectNode roles = model.putObject("files");
      files.forEach((role, pin) -> roles.putObject(role).put("path", pin.path()).put("sha256", pin.sha256())
          .put("size", pin.size()));
    });
    Files.createDirectories(folder());
    Path partial = Files.createTempFile(folder(), ".manifest", ".part");
    JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), root);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
