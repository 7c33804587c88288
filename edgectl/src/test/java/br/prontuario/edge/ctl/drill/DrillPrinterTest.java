package br.prontuario.edge.ctl.drill;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.Target;
import br.prontuario.edge.drill.report.DrillReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillPrinterTest {

  private static RunMeasurement run(int n, int failedWrites) {
    Instant t = Instant.parse("2026-12-01T11:00:00Z");
    return new RunMeasurement("planned-switchover", n, t, t, t, 2.0, null, 1.0, 0.5, 100, 50, 0,
        List.of(), 0, List.of(), 0.0, true, 100 + failedWrites, failedWrites, List.of(), List.of(),
        true, List.of(), failedWrites == 0 ? Map.of() : Map.of("timed out", failedWrites), 2.5);
  }

  @Test
  void theTextReportNamesTheFailedClientRequestsOfEachRun() {
    List<RunMeasurement> runs = List.of(run(1, 6), run(2, 0), run(3, 2));
    Instant t = Instant.parse("2026-12-01T11:00:00Z");
    DrillReport report = new DrillReport("planned-switchover", true, t, t, 4, Target.PRIMARY_FAILURE,
        runs, DrillSummary.of("planned-switchover", runs));
    StringWriter text = new StringWriter();
    DrillPrinter.text(report, Path.of("/tmp/r.json"), new PrintWriter(text));
    assertThat(text.toString())
        .contains("failed client requests     6 0 2 (per run), client timeout 20 s")
        .contains("slowest acked write (s)        2.50     2.50     2.50")
        .contains("    run 1: 6 timed out\n").contains("    run 3: 2 timed out\n")
        .doesNotContain("run 2:");
  }
}
