package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.ctl.drill.ChaosCommand;
import br.prontuario.edge.drill.chaos.ChaosFault;
import br.prontuario.edge.drill.chaos.ChaosReport;
import br.prontuario.edge.drill.chaos.ChaosStep;
import br.prontuario.edge.drill.chaos.ChaosVerdict;
import br.prontuario.edge.drill.chaos.InjectedFault;
import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.RunMeasurer;
import br.prontuario.edge.drill.measure.RunObservations;
import br.prontuario.edge.drill.measure.Target;
import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.report.ReportFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrillCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int edgectl(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }

  private void assertOneErrorLine(String expected) {
    assertThat(err.toString()).contains(expected);
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void anUnknownScenarioIsOneLineNamingTheScenarios() {
    assertThat(edgectl("drill", "meteor-strike", "--dir", dir.toString())).isNotZero();
    assertOneErrorLine("unknown scenario 'meteor-strike'; one of: health-check-validation");
  }

  @Test
  void noScenarioIsOneLine() {
    assertThat(edgectl("drill")).isNotZero();
    assertOneErrorLine("name a scenario");
  }

  @Test
  void runsOutOfRangeOrNotANumberIsOneLine() {
    assertThat(edgectl("drill", "primary-crash", "--runs", "0")).isNotZero();
    assertOneErrorLine("--runs must be between 1 and 100");
    err.getBuffer().setLength(0);
    assertThat(edgectl("drill", "primary-crash", "--runs", "ten")).isNotZero();
    assertOneErrorLine("ten");
  }

  @Test
  void theRestoreDrillTakesTheJsonFlagTheControllersScheduleAppends() {
    // the controller runs `edgectl drill {scenario} --json --dir DIR`: --json must not be an unknown option
    assertThat(edgectl("drill", "restore", "--json", "--dir", dir.toString())).isEqualTo(1);
    assertOneErrorLine("no cluster in " + dir);
  }

  @Test
  void tooManyClientsIsOneLine() {
    assertThat(edgectl("drill", "primary-crash", "--clients", "500")).isNotZero();
    assertOneErrorLine("--clients must be between 1 and 64");
  }

  @Test
  void aMissingClusterIsOneLineWithTheCommandToStartIt() {
    assertThat(edgectl("drill", "primary-crash", "--dir", dir.resolve("none").toString())).isNotZero();
    assertOneErrorLine("edgectl up --dir");
  }

  @Test
  void anUnsafeScenarioIsRefusedAgainstProduction() throws Exception {
    writeProductionCluster();

    assertThat(edgectl("drill", "primary-freeze", "--dir", dir.toString())).isEqualTo(2);
    assertOneErrorLine("runs only against a local cluster");
  }

  @Test
  void historyListsPastDrills() {
    new ReportFiles(dir).write(report());

    assertThat(edgectl("drill", "history", "--dir", dir.toString())).isZero();

    assertThat(out.toString()).contains("2026-11-25T10:00:00Z", "primary-crash", "PASS",
        "RTO median 4.00");
  }

  @Test
  void chaosMinutesOutOfRangeIsOneLine() {
    assertThat(edgectl("drill", "chaos", "--minutes", "0", "--dir", dir.toString())).isEqualTo(2);
    assertOneErrorLine("--minutes must be between 1 and 1440");
  }

  @Test
  void chaosPlanPrintsWhatASeedWillDoWithoutACluster() {
    assertThat(edgectl("drill", "chaos", "--seed", "6", "--plan", "3", "--dir",
        dir.resolve("none").toString())).isZero();

    assertThat(out.toString()).contains("seed 6", "  1 isolate witness 15 s", "  2 kill node-a 12 s",
        "  3 cut-link node-a from node-b 12 s");
    assertThat(edgectl("drill", "chaos", "--plan", "3")).isEqualTo(2);
    assertOneErrorLine("--plan needs --seed");
  }

  @Test
  void chaosWithoutAClusterIsOneLineWithTheCommandToStartIt() {
    assertThat(edgectl("drill", "chaos", "--minutes", "5", "--seed", "6", "--dir",
        dir.resolve("none").toString())).isNotZero();
    assertOneErrorLine("edgectl up --dir");
  }

  @Test
  void chaosIsRefusedAgainstProduction() throws Exception {
    writeProductionCluster();

    assertThat(edgectl("drill", "chaos", "--dir", dir.toString())).isEqualTo(1);
    assertOneErrorLine("runs only against a local cluster");
  }

  @Test
  void aChaosReportPrintsItsScheduleAndVerdictAndLeavesTheDrillHistoryReadable() {
    Instant t0 = Instant.parse("2026-12-02T10:00:00Z");
    ChaosStep step = new ChaosStep(1, ChaosFault.FREEZE, "node-b", null, Duration.ofSeconds(7),
        Duration.ofSeconds(2));
    ChaosReport report = new ChaosReport(6, 5, t0, t0.plusSeconds(300), 4,
        List.of(new InjectedFault(step, t0.plusSeconds(20), t0.plusSeconds(27), t0.plusSeconds(31), null)),
        List.of(), new ChaosVerdict(1, java.util.Map.of("freeze", 1), 900, List.of("n-9"), 0, true,
            0, 0, 1200, 0.0, 0, 3.5, 0, List.of("1 acknowledged notes missing"), List.of()), false);
    Path file = report.write(dir);
    new ReportFiles(dir).write(report());

    ChaosCommand.print(report, file, new PrintWriter(out, true));

    assertThat(out.toString()).contains("seed 6, 5 min, 4 clients: FAILED",
        "+  20.0 s  1 freeze node-b 7 s", "4.0 s", "missing: 1", "problem: 1 acknowledged notes missing");
    assertThat(file.getParent()).isEqualTo(dir.resolve("drills").resolve("chaos"));
    out.getBuffer().setLength(0);
    assertThat(edgectl("drill", "history", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("primary-crash");
  }

  @Test
  void historyOfAFreshClusterSaysSo() {
    assertThat(edgectl("drill", "history", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("no drills yet");
  }

  /** A production deployment reached only through its failover controller. */
  private void writeProductionCluster() throws Exception {
    Files.writeString(dir.resolve("cluster.json"), "{\"environment\":\"production\","
        + "\"entrypoint\":\"http://127.0.0.1:9\",\"jwtSecret\":\"" + "A".repeat(44) + "\","
        + "\"controller\":{\"url\":\"http://127.0.0.1:9\"},\"demo\":{\"username\":\"demo\","
        + "\"password\":\"x\"}}");
  }

  private static DrillReport report() {
    Instant t0 = Instant.parse("2026-11-25T10:00:00Z");
    RunObservations o = new RunObservations("primary-crash", 1, t0, t0.plusSeconds(2),
        t0.plusSeconds(10),
        List.of(new Attempt(Attempt.Kind.WRITE, 1, 1, t0.plusSeconds(3), t0.plusSeconds(6), 201, true)),
        List.of(new AckedWrite("p", "n1", 1, 1, "k", t0.plusSeconds(3), t0.plusSeconds(6))),
        Set.of("n1"), List.of(), true, List.of(), List.of());
    RunMeasurement run = new RunMeasurer(Duration.ofSeconds(1)).measure(o, Target.PRIMARY_FAILURE);
    return new DrillReport("primary-crash", false, t0, t0.plusSeconds(10), 1,
        Target.PRIMARY_FAILURE, List.of(run), DrillSummary.of("primary-crash", List.of(run)));
  }
}
