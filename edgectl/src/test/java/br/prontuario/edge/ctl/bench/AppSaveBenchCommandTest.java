package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtlRun;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppSaveBenchCommandTest {

  @TempDir Path dir;

  private final StringWriter err = new StringWriter();

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(new StringWriter(), err, args);
  }

  @Test
  void runsOutOfRangeIsOneLine() {
    assertThat(edgectl("bench", "app-save", "--runs", "0", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--runs must be between 1 and 50");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void aFolderWithoutAClusterIsOneLine() {
    assertThat(edgectl("bench", "app-save", "--runs", "1", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString().strip().lines()).hasSize(1);
    assertThat(err.toString()).startsWith("edgectl: ").doesNotContain("Exception");
  }

  @Test
  void benchWithoutANameSaysWhichExist() {
    assertThat(edgectl("bench")).isEqualTo(2);
    assertThat(err.toString()).contains("name a benchmark: api, cloud, app-save, lab");
  }
}
