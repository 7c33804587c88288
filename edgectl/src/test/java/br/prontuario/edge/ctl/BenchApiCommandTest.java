package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench api's operator mistakes: one line, non-zero, before anything touches a cluster. */
class BenchApiCommandTest {

  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(new StringWriter(), err, args);
  }

  @Test
  void aThinkTimeThatIsNotADurationIsRefusedInOneLine() {
    assertThat(edgectl("bench", "api", "--think", "soon", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString().strip()).startsWith("edgectl: ").contains("--think")
        .doesNotContain("\n");
  }

  @Test
  void tooManyCliniciansOrMinutesAreRefused() {
    assertThat(edgectl("bench", "api", "--clinicians", "0", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("--clinicians must be 1-500");
    assertThat(edgectl("bench", "api", "--minutes", "0", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("--minutes must be 1-60");
  }

  @Test
  void aFolderWithoutAClusterIsOneLineAndNonZero() {
    assertThat(edgectl("bench", "api", "--dir", dir.resolve("none").toString())).isNotZero();
    assertThat(err.toString().strip()).startsWith("edgectl: ").doesNotContain("\n");
  }
}
