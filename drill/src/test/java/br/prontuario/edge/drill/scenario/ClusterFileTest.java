package br.prontuario.edge.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterFileTest {

  @TempDir Path dir;

  @Test
  void readsEntrypointControllerSecretAndTheDemoPasswordFromTheSecretsFile() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:8000\","
        + "\"jwtSecret\":\"c2VjcmV0\",\"controller\":{\"url\":\"http://127.0.0.1:9000\"},\"nodes\":[]}");
    Files.writeString(dir.resolve("secrets.json"), "{\"demoPassword\":\"pw\"}");

    ClusterFile c = ClusterFile.read(dir);

    assertThat(c.entrypoint()).hasPort(8000);
    assertThat(c.controllerUrl()).hasPort(9000);
    assertThat(c.username()).isEqualTo("demo");
    assertThat(c.password()).isEqualTo("pw");
    assertThat(c.production()).isFalse();
  }

  @Test
  void aMissingClusterNamesTheCommandThatStartsOne() {
    assertThatThrownBy(() -> ClusterFile.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edgectl up --dir");
  }
}
