package br.prontuario.edge.ctl.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node's model manifest, the same file edge-node reads ({@code edge.inference.manifest}):
 * {@code {"models": [{"name", "files": {ROLE: {"path", "sha256", "size"}}}]}}; relative paths
 * resolve against the manifest's folder.
 */
record NodeManifest(String node, Path source, Map<String, PinnedFile> files) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static NodeManifest read(String node, Path manifest) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(manifest));
    } catch (JacksonException e) {
      throw new IOException("model manifest of " + node + " (" + manifest + ") is not valid JSON");
    }
    Path base = manifest.toAbsolutePath().getParent();
    Map<String, PinnedFile> files = new TreeMap<>();
    for (JsonNode model : root.path("models")) {
      String name = model.path("name").asString("");
      for (Map.Entry<String, JsonNode> file : model.path("files").properties()) {
        JsonNode spec = file.getValue();
        PinnedFile pinned = new PinnedFile(name, file.getKey(), base.resolve(spec.path("path").asString("")).normalize(),
            spec.path("sha256").asString("").toLowerCase(), spec.path("size").asLong(-1));
        files.put(pinned.key(), pinned);
      }
    }
    return new NodeManifest(node, manifest, files);
  }
}
