package br.prontuario.edge.ctl.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtlRun;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code edgectl rotate-secrets} refuses before it changes anything. */
class RotateSecretsCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }

  @Test
  void aFolderWithoutAClusterIsBadInputAndGetsNoSecrets() {
    assertThat(edgectl("rotate-secrets", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).startsWith("edgectl: no cluster in").contains("edgectl up")
        .hasLineCount(1);
    assertThat(ClusterSecrets.file(dir)).doesNotExist();
  }

  @Test
  void aTimeoutThatIsNotPositiveIsBadInput() {
    assertThat(edgectl("rotate-secrets", "--ready-timeout", "PT0S", "--dir", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--ready-timeout must be positive");
  }

  @Test
  void aNegativeWarmUpIsBadInputAndNothingIsRotated() {
    ClusterSecrets before = ClusterSecrets.loadOrCreate(dir);

    assertThat(edgectl("rotate-secrets", "--warm-up", "-PT5S", "--dir", dir.toString())).isEqualTo(2);

    assertThat(err.toString()).contains("--warm-up must not be negative");
    assertThat(ClusterSecrets.readFrom(ClusterSecrets.file(dir))).isEqualTo(before);
  }

  @Test
  void aFolderWithSecretsButNoClusterIsRefusedAndItsSecretsStay() {
    ClusterSecrets before = ClusterSecrets.loadOrCreate(dir);

    int code = edgectl("rotate-secrets", "--dir", dir.toString());

    assertThat(code).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).startsWith("edgectl: no cluster in").hasLineCount(1);
    assertThat(ClusterSecrets.readFrom(ClusterSecrets.file(dir))).isEqualTo(before);
    assertThat(dir.resolve("secrets.previous.json")).doesNotExist();
  }
}
