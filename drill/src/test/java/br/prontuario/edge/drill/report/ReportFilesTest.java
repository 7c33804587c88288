package br.prontuario.edge.drill.report;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.RunMeasurer;
import br.prontuario.edge.drill.measure.RunObservations;
import br.prontuario.edge.drill.measure.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  static DrillReport report(String scenario, Instant start) {
    List<Attempt> attempts = List.of(
        new Attempt(Attempt.Kind.WRITE, 1, 1, start.plusMillis(100), start.plusMillis(150), 201, true),
        new Attempt(Attempt.Kind.WRITE, 1, 2, start.plusSeconds(3), start.plusSeconds(5), 0, false),
        // answered by the cloud's emergency deployment
        new Attempt(Attempt.Kind.WRITE, 1, 2, start.plusSeconds(9), start.plusMillis(9300), 201, true,
            true));
    List<AckedWrite> acked = List.of(
        new AckedWrite("p", "n1", 1, 1, "k1", start.plusMillis(100), start.plusMillis(150)),
        new AckedWrite("p", "n2", 1, 2, "k2", start.plusSeconds(9), start.plusMillis(9300)));
    RunObservations o = new RunObservations(scenario, 1, start, start.plusSeconds(2),
        start.plusSeconds(12), attempts, acked, Set.of("n1", "n2"), List.of(), true,
        List.of(new ControllerEvent(start.plusSeconds(7), ControllerEvent.Phase.DETECTION,
            "node-a <down> & \"gone\"")), List.of());
    RunMeasurement run = new RunMeasurer(Duration.ofSeconds(1)).measure(o, Target.PRIMARY_FAILURE);
    return new DrillReport(scenario, false, start, start.plusSeconds(20), 1,
        Target.PRIMARY_FAILURE, List.of(run), DrillSummary.of(scenario, List.of(run)));
  }

  @Test
  void writesJsonAndHtmlNamedByTimestampAndScenario() throws Exception {
    Path json = new ReportFiles(dir).write(report("primary-crash", T0));

    assertThat(json.getFileName().toString()).isEqualTo("20261125T100000Z-primary-crash.json");
    assertThat(dir.resolve("drills/20261125T100000Z-primary-crash.html")).exists();
    String text = Files.readString(json);
    assertThat(text).contains("\"scenario\" : \"primary-crash\"", "\"rtoSeconds\" : 7.3",
        "\"lostAcknowledgedWrites\" : 0");
  }

  @Test
  void htmlIsSelfContainedWithTimelineAndVerdict() throws Exception {
    new ReportFiles(dir).write(report("primary-crash", T0));
    String html;
    try (Stream<Path> files = Files.list(dir.resolve("drills"))) {
      html = Files.readString(files.filter(p -> p.toString().endsWith(".html")).findFirst().orElseThrow());
    }

    assertThat(html).contains("<svg", "<polyline", "PASS", "7.30", "first successful write",
        "9 s: 1 answered by the cloud");
    assertThat(html).containsOnlyOnce("answered by the cloud</title>");
    assertThat(html).doesNotContain("://", "<script", "<link", "src=", "@import");
    // controller text is escaped, never markup
    assertThat(html).contains("node-a &lt;down&gt; &amp; &quot;gone&quot;");
  }

  @Test
  void historyListsPastDrillsOldestFirst() {
    ReportFiles files = new ReportFiles(dir);
    files.write(report("planned-switchover", T0.plusSeconds(3600)));
    files.write(report("primary-crash", T0));

    List<DrillReport> history = files.history();

    assertThat(history).extracting(DrillReport::scenario)
        .containsExactly("primary-crash", "planned-switchover");
    assertThat(history.get(0).runs().get(0).rtoSeconds()).isEqualTo(7.3);
    assertThat(history.get(0).summary().passed()).isTrue();
  }

  @Test
  void noHistoryWithoutDrills() {
    assertThat(new ReportFiles(dir).history()).isEmpty();
  }
}
