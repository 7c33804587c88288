package br.prontuario.edge.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.chaos.ChaosHistory;
import br.prontuario.edge.drill.chaos.ChaosReport;
import br.prontuario.edge.drill.chaos.ChaosRun;
import br.prontuario.edge.drill.chaos.ChaosSchedule;
import br.prontuario.edge.drill.chaos.ChaosVerdict;
import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.report.ReportFiles;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One short primary-crash and one planned switchover on a real local cluster (etcd, Patroni,
 * PostgreSQL, Redis + Sentinel, HAProxy, two edge-nodes), checking that what the drill reports is
 * right, not how fast it is: every write acknowledged before the fault is in the database, and the
 * RTO lies between the fault and the first success the clients observed; then a short chaos soak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverDrillIT {

  private EdgeCluster cluster;
  private LocalClusterControl control;
  private final List<String> progress = new ArrayList<>();

  @BeforeAll
  void startCluster() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    Path repo = module.getParent();
    Path dir = Files.createTempDirectory(Files.createDirectories(module.resolve("target")), "drill-");
    cluster = EdgeCluster.at(dir, ClusterConfigLoader.loadFromRepository(repo), repo);
    cluster.start();
    control = new LocalClusterControl(cluster, Optional.empty(), Clock.systemUTC());
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  private DrillReport drill(Scenario scenario) {
    var demo = cluster.descriptor().demo();
    DrillTimings timings = new DrillTimings(Duration.ofSeconds(3), Duration.ofSeconds(90),
        Duration.ofSeconds(2), Duration.ofMinutes(3), Duration.ofSeconds(60), Duration.ofSeconds(5));
    DrillOutcome outcome = new DrillRunner(control, Optional.empty(),
        new LoadSettings(java.net.URI.create(cluster.layout().entrypoint()), cluster.tls().caCertificate(),
            demo.username(),
            demo.password(), 2),
        timings, Clock.systemUTC(), progress::add).run(scenario, 1);
    assertThat(outcome).as("outcome; progress %s", progress).isInstanceOf(DrillOutcome.Completed.class);
    DrillReport report = ((DrillOutcome.Completed) outcome).report();
    // kept beside the cluster's logs under target/ for whoever reads a failed build
    new ReportFiles(cluster.stateDir()).write(report);
    return report;
  }

  @Test
  @Order(1)
  void primaryCrashLosesNoAcknowledgedWriteAndItsRtoEndsAtTheFirstSuccess() throws Exception {
    String leaderBefore = control.leader();

    RunMeasurement run = drill(Scenario.PRIMARY_CRASH).runs().get(0);

    assertThat(run.verificationComplete()).isTrue();
    assertThat(run.ackedBeforeFault()).isPositive();
    assertThat(run.lostAcknowledgedWrites()).isZero();
    assertThat(run.failedWrites()).as("a SIGKILLed leader must be visible to clients").isPositive();
    assertThat(run.rtoSeconds()).isPositive();
    assertThat(run.firstSuccessAt()).isAfter(run.faultAt());
    assertThat(Duration.between(run.faultAt(), run.firstSuccessAt()).toNanos() / 1e9)
        .isEqualTo(run.rtoSeconds());
    // the promotion the drill watched happened between the fault and the first success
    assertThat(run.events()).anySatisfy(e -> {
      assertThat(e.phase()).isEqualTo(ControllerEvent.Phase.PROMOTION);
      assertThat(e.at()).isBetween(run.faultAt(), run.firstSuccessAt().plusSeconds(1));
    });
    assertThat(control.leader()).isNotEqualTo(leaderBefore);
    assertThat(notesInDatabase()).isGreaterThanOrEqualTo(run.ackedWrites());
  }

  @Test
  @Order(2)
  void plannedSwitchoverMovesTheLeaderAndLosesNothing() throws Exception {
    String leaderBefore = control.leader();

    RunMeasurement run = drill(Scenario.PLANNED_SWITCHOVER).runs().get(0);

    assertThat(control.leader()).isEqualTo(control.other(leaderBefore));
    assertThat(run.verificationComplete()).isTrue();
    assertThat(run.lostAcknowledgedWrites()).isZero();
    assertThat(run.rtoSeconds()).isNotNull();
    assertThat(run.firstSuccessAt()).isAfter(run.faultAt());
  }

  /**
   * The chaos soak's short form, two minutes: a fixed seed whose first faults kill node-a, cut
   * the link between the two data nodes (where a second primary would come from) and isolate the
   * witness. What is checked is the checker's verdict on what really happened, and that it had
   * something to check; the long soak and its figures are a benchmark (docs/benchmarks.md).
   */
  @Test
  @Order(3)
  void aShortChaosSoakLosesNoNoteAndNeverHasTwoWritablePrimaries() throws Exception {
    var demo = cluster.descriptor().demo();
    LoadSettings load = new LoadSettings(java.net.URI.create(cluster.layout().entrypoint()),
        cluster.tls().caCertificate(), demo.username(), demo.password(), 2);

    ChaosHistory history = new ChaosRun(control, load, Clock.systemUTC(), progress::add)
        .run(Duration.ofMinutes(2), new ChaosSchedule(3));
    ChaosReport report = ChaosReport.of(history, 2);
    report.write(cluster.stateDir());
    ChaosVerdict verdict = report.verdict();

    assertThat(verdict.problems()).as("verdict %s; progress %s", verdict, progress).isEmpty();
    assertThat(verdict.faults()).isGreaterThanOrEqualTo(2);
    assertThat(history.faults()).extracting(f -> f.step().describe())
        .startsWith("1 kill node-a 3 s", "2 cut-link node-a from node-b 6 s");
    assertThat(verdict.acknowledgedNotes()).isPositive();
    assertThat(verdict.probeCommits()).isPositive();
    assertThat(control.cuts()).allSatisfy(c -> assertThat(c.healedAt()).isNotNull());
    assertThat(notesInDatabase("chaos-")).isGreaterThanOrEqualTo(verdict.acknowledgedNotes());
  }

  /** Counted on the leader directly, not through the API the drill itself reads. */
  private long notesInDatabase() throws Exception {
    return notesInDatabase("drill-");
  }

  private long notesInDatabase(String runPrefix) throws Exception {
    var db = cluster.descriptor().database();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT count(*) FROM notes WHERE text LIKE 'Evolução de simulação " + runPrefix + "%'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
