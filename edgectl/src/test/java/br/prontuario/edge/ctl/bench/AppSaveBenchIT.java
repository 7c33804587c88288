package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.EdgeCtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Smoke test of the harness, not a measurement: on a real local cluster ({@code edgectl up}), one
 * run of {@code edgectl bench app-save} kills the active node under a note being saved in Chromium
 * and reports how long "salvo" took. No assertion on the time itself (docs/benchmarks.md has it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppSaveBenchIT {

  private Path dir;

  @BeforeAll
  void up() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    System.setProperty("edge.home", module.getParent().toString());
    assertThat(module.getParent().resolve("edge-node/target/edge-node-0.1.0-SNAPSHOT.jar"))
        .as("build edge-node first: ./mvnw -pl edge-node -am package").exists();
    // short: PostgreSQL's Unix socket path below it must stay < 108 bytes
    dir = Files.createTempDirectory("bench-app-");
    assertThat(edgectl(new StringWriter(), "up", "--dir", dir.toString())).isZero();
  }

  @AfterAll
  void down() {
    if (dir != null) {
      edgectl(new StringWriter(), "down", "--dir", dir.toString());
    }
  }

  @Test
  void oneRunMeasuresSalvarToSalvoAcrossAPrimaryCrash() {
    StringWriter out = new StringWriter();

    int exit = edgectl(out, "bench", "app-save", "--runs", "1", "--dir", dir.toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).containsPattern("app-save: 1 runs, salvar -> salvo p50 \\d+\\.\\d\\d s, p95 \\d+\\.\\d\\d s");
  }

  private static int edgectl(StringWriter out, String... args) {
    var cli = EdgeCtl.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(System.err, true));
    return cli.execute(args);
  }
}
