package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.Target;
import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console reads the reports the drill itself writes (module drill's ReportFiles). */
class DrillReportsTest {

  @TempDir Path cluster;

  private static RunMeasurement run(int n, Instant start, Double rto, int lost) {
    return new RunMeasurement("primary-crash", n, start, start.plusSeconds(5), start.plusSeconds(20), rto, 6.0, 8.0,
        1.0, 40, 10, lost, lost == 0 ? List.of() : List.of(new AckedWrite("patient-id", "note-id-never-shown", 1, 1, "key",
            start, start.plusSeconds(1))), 0, List.of(), 0, true, 50, 3,
        List.of(), List.of(), lost == 0, List.of(), Map.of("HTTP 503", 3), 1.9);
  }

  private static Path write(Path cluster, String scenario, Instant start, List<RunMeasurement> runs) {
    return new ReportFiles(cluster).write(new DrillReport(scenario, false, start, start.plusSeconds(90), 4,
        Target.PRIMARY_FAILURE, runs, DrillSummary.of(scenario, runs)));
  }

  @Test
  void readsEachDrillsRunsOldestFirstWithoutNoteIds() {
    Instant first = Instant.parse("2026-11-30T09:00:00Z");
    write(cluster, "primary-crash", first.plusSeconds(3600), List.of(run(1, first.plusSeconds(3600), 12.5, 0)));
    write(cluster, "primary-crash", first, List.of(run(1, first, 14.0, 0), run(2, first.plusSeconds(60), null, 2)));

    List<DrillReports.Report> history = new DrillReports(Optional.of(cluster)).history();

    assertThat(history).extracting(DrillReports.Report::startedAt).containsExactly(first, first.plusSeconds(3600));
    DrillReports.Report older = history.get(0);
    assertThat(older.id()).isEqualTo("20261130T090000Z-primary-crash");
    assertThat(older.passed()).isFalse();
    assertThat(older.runs()).isEqualTo(2);
    assertThat(older.runDetails()).extracting(DrillReports.Run::rtoSeconds).containsExactly(14.0, null);
    assertThat(older.runDetails()).extracting(DrillReports.Run::lostAcknowledgedWrites).containsExactly(0, 2);
    assertThat(older.hasHtml()).isTrue();
    assertThat(history.toString()).doesNotContain("note-id-never-shown");
  }

  @Test
  void opensOnlyAReportByItsOwnNameAndSkipsAHalfWrittenOne() throws Exception {
    Instant start = Instant.parse("2026-11-30T09:00:00Z");
    write(cluster, "planned-switchover", start, List.of(run(1, start, 3.0, 0)));
    Files.writeString(cluster.resolve("drills").resolve("20261130T100000Z-planned-switchover.json"), "{\"scen");
    DrillReports reports = new DrillReports(Optional.of(cluster));

    assertThat(reports.history()).hasSize(1);
    assertThat(reports.html("20261130T090000Z-planned-switchover")).isPresent();
    assertThat(reports.html("../../cluster")).isEmpty();
    assertThat(reports.html("20261130T090000Z-planned-switchover/../../x")).isEmpty();
    assertThat(new DrillReports(Optional.empty()).history()).isEmpty();
  }
}
