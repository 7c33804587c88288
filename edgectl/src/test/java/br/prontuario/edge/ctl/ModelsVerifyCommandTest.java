package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsVerifyCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void passesWhenBothNodesPinTheSameFilesAndTheFilesMatch() throws Exception {
    node("node-a", Map.of("chat", "weights-v1", "dictation", "ggml-v1"));
    node("node-b", Map.of("chat", "weights-v1", "dictation", "ggml-v1"));
    clusterJson();

    assertThat(run("models", "verify", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("node-a: 2 model files pinned").contains("models agree on every node");
  }

  @Test
  void failsNamingTheModelWhoseChecksumDiffers() throws Exception {
    node("node-a", Map.of("chat", "weights-v1", "dictation", "ggml-v1"));
    node("node-b", Map.of("chat", "weights-v2", "dictation", "ggml-v1"));
    clusterJson();

    assertThat(run("models", "verify", "--dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("MISMATCH chat.model: node-a pins sha256").doesNotContain("MISMATCH dictation");
    assertThat(err.toString().lines()).hasSize(1);
  }

  @Test
  void failsNamingAModelOneNodeLacks() throws Exception {
    node("node-a", Map.of("chat", "weights-v1", "dictation", "ggml-v1"));
    node("node-b", Map.of("chat", "weights-v1"));
    clusterJson();

    assertThat(run("models", "verify", "--dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("MISMATCH dictation.model: not in the manifest of node-b");
  }

  @Test
  void failsWhenAFileOnDiskNoLongerMatchesItsPin() throws Exception {
    node("node-a", Map.of("face", "embedder-v1"));
    node("node-b", Map.of("face", "embedder-v1"));
    clusterJson();
    Files.writeString(dir.resolve("node-b/models/face.bin"), "embedder-v1-corrupted");

    assertThat(run("models", "verify", "--dir", dir.toString())).isEqualTo(1);
    assertThat(out.toString()).contains("MISMATCH face.model on node-b: size on disk");
    assertThat(run("models", "verify", "--dir", dir.toString(), "--no-files")).isZero();
  }

  @Test
  void readsManifestPathsConfiguredInClusterJsonOrGivenOnTheCommandLine() throws Exception {
    Path a = node("elsewhere-a", Map.of("chat", "w"));
    Path b = node("elsewhere-b", Map.of("chat", "w"));
    Files.writeString(dir.resolve("cluster.json"), """
        {"nodes": [{"name": "node-a", "modelManifest": "%s"}, {"name": "node-b", "modelManifest": "%s"}]}
        """.formatted(a, b));

    assertThat(run("models", "verify", "--dir", dir.toString())).isZero();
    assertThat(run("models", "verify", "--manifest", "node-a=" + a, "--manifest", "node-b=" + b)).isZero();
  }

  @Test
  void saysInOneLineWhenThereIsNoCluster() {
    assertThat(run("models", "verify", "--dir", dir.resolve("nothing").toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("edgectl: no ").contains("cluster.json");
  }

  private int run(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }

  private void clusterJson() throws IOException {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\": \"http://127.0.0.1:1\", \"nodes\": [{\"name\": \"node-a\"}, {\"name\": \"node-b\"}]}");
  }

  /** DIR/NODE/models/manifest.json pinning one "model" file per model with the given content. */
  private Path node(String name, Map<String, String> models) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name).resolve("models"));
    StringBuilder json = new StringBuilder("{\"models\": [");
    String separator = "";
    for (Map.Entry<String, String> model : new java.util.TreeMap<>(models).entrySet()) {
      Path file = folder.resolve(model.getKey() + ".bin");
      Files.writeString(file, model.getValue());
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
      json.append(separator).append("{\"name\": \"").append(model.getKey()).append("\", \"files\": {\"model\": {\"path\": \"")
          .append(file.getFileName()).append("\", \"sha256\": \"").append(sha).append("\", \"size\": ")
          .append(Files.size(file)).append("}}}");
      separator = ", ";
    }
    Path manifest = folder.resolve("manifest.json");
    Files.writeString(manifest, json.append("]}").toString());
    return manifest;
  }
}
