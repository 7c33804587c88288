package br.prontuario.edge.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.controller.FailoverControllerProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Two failover-controller replicas watching the real local cluster (etcd x3, Patroni/PostgreSQL
 * x2, Redis + Sentinels, HAProxy, two edge-nodes). One cluster for the class: the scenarios run in
 * order, each leaving the cluster as the next expects. Probes every 2 s (the seed's 5 s would
 * only make the class slower), 3 failures, 1.5 s timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverControllerClusterIT {

  private static final Duration MOVE = Duration.ofSeconds(90);
  private static final Map<String, String> FAST_PROBES = Map.of(
      "edge.controller.probe.interval", "2s",
      "edge.controller.probe.timeout", "1500ms",
      "edge.controller.probe.failure-threshold", "3",
      "edge.controller.probe.switchover-cooldown", "20s",
      "edge.controller.election.lease-ttl", "8s");

  private EdgeCluster cluster;
  private Path state;
  private static final java.util.concurrent.atomic.AtomicBoolean FAILED = new java.util.concurrent.atomic.AtomicBoolean();

  /** Keeps the cluster folder (every process's log) when a scenario failed. */
  @org.junit.jupiter.api.extension.RegisterExtension
  static final org.junit.jupiter.api.extension.TestWatcher KEEP_LOGS_ON_FAILURE =
      new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
          FAILED.set(true);
        }
      };
  private ControllerApiClient first;
  private ControllerApiClient second;

  @BeforeAll
  void startClusterAndTwoControllers() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    Path repo = module.getParent();
    // short on purpose: PostgreSQL's Unix socket path (DIR/node-a/patroni/run/.s.PGSQL.N) must stay < 108 bytes
    state = Files.createTempDirectory("edge-e2e-");
    cluster = EdgeCluster.at(state, ClusterConfigLoader.loadFromRepository(repo), repo);
    cluster.start();
    CloudSite.start(cluster, repo, Duration.ofSeconds(180));
    Map<String, String> settings = new java.util.HashMap<>(FAST_PROBES);
    settings.putAll(CloudSite.controllerSettings(cluster));
    String secret = cluster.descriptor().jwtSecret();
    String c1 = FailoverControllerProcess.COMPONENT;
    String c2 = FailoverControllerProcess.COMPONENT + "-2";
    first = new ControllerApiClient("controller-1", c1,
        FailoverControllerProcess.launch(cluster, repo, c1, "controller-1", settings, Duration.ofSeconds(120)),
        secret);
    second = new ControllerApiClient("controller-2", c2,
        FailoverControllerProcess.launch(cluster, repo, c2, "controller-2", settings, Duration.ofSeconds(120)),
        secret);
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.stop();
    }
    if (state != null && !FAILED.get()) {
      try (var files = Files.walk(state)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (java.io.IOException e) {
        // leftovers in the temp folder only
      }
    }
  }

  @Test
  @Order(1)
  void onlyOneOfTwoControllersActs() {
    await().atMost(MOVE).until(() -> first.acting() ^ second.acting());
    ControllerApiClient acting = acting();
    ControllerApiClient observer = acting == first ? second : first;
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()) && "node-a".equals(acting.activeNode()));

    assertThat(acting.results()).anyMatch(r -> r.startsWith("RouteTo node-a: done"));
    assertThat(observer.acting()).isFalse();
    assertThat(observer.results()).allMatch(r -> r.startsWith("observed only"));
    assertThat(haproxy()).containsEntry("node-b", "DRAIN");
  }

  @Test
  @Order(2)
  void aFlappingProbeCausesNoFailover() throws Exception {
    ControllerApiClient acting = acting();
    AtomicInteger worstRun = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      // longer than one interval plus one timeout, so a probe surely times out inside it; shorter
      // than the three consecutive failures a failover needs
      cluster.freeze(NodeName.NODE_A);
      Thread.sleep(3_600);
      cluster.thaw(NodeName.NODE_A);
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
        JsonNode a = acting.node("node-a");
        worstRun.accumulateAndGet(a.path("appFailures").asInt(), Math::max);
        return a.path("appFailures").asInt() == 0 && a.path("patroniFailures").asInt() == 0;
      });
    }

    assertThat(worstRun.get()).as("the freezes were seen as failed probes").isBetween(1, 2);
    assertThat(acting.state()).isEqualTo("NORMAL");
    assertThat(acting.activeNode()).isEqualTo("node-a");
    assertThat(acting.history()).noneMatch(e -> e.path("to").asString().equals("FAILOVER"));
    assertThat(cluster.leader()).contains(NodeName.NODE_A);
  }

  @Test
  @Order(3)
  void killingTheActiveLeaderMovesTheActiveRoleWithoutLosingAcknowledgedWrites() {
    ControllerApiClient acting = acting();
    LoadGenerator load = load();
    load.start();
    await().atMost(MOVE).until(() -> load.ackedSoFar() >= 10);

    cluster.kill(NodeName.NODE_A);

    await().atMost(MOVE).until(() -> "node-b".equals(acting.activeNode()));
    assertThat(acting.state()).isEqualTo("FAILOVER");
    await().atMost(MOVE).until(() -> cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    int ackedAtPromotion = load.ackedSoFar();
    await("writes through HAProxy resume").atMost(MOVE).until(() -> load.ackedSoFar() >= ackedAtPromotion + 10);
    load.stop();
    LoadResult result = load.awaitStopped(Duration.ofSeconds(10));
    assertNoAcknowledgedWriteLost(result);
    assertThat(acting.history()).anyMatch(e -> e.path("to").asString().equals("FAILOVER")
        && e.path("detectionMillis").asLong() > 0);

    cluster.start(NodeName.NODE_A);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
    assertThat(acting.activeNode()).isEqualTo("node-b");
    assertThat(acting.node("node-a").path("role").asString()).isEqualTo("standby");
    assertThat(acting.node("node-a").path("db").asString()).isEqualTo("sync_standby");
  }

  @Test
  @Order(4)
  void aManualSwitchoverMovesTheActiveRoleAndTheLeaderBack() {
    ControllerApiClient acting = acting();

    var reply = acting.switchover("node-a");

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("Switchover node-b -> node-a: done");
    assertThat(cluster.leader()).contains(NodeName.NODE_A);
    assertThat(acting.activeNode()).isEqualTo("node-a");
  }

  @Test
  @Order(5)
  void aFrozenLeaderIsReplacedAndComesBackAsAStandbyNeverASecondPrimary() {
    ControllerApiClient acting = acting();
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));

    cluster.freeze(NodeName.NODE_A);
    try {
      await("active role on node-b").atMost(MOVE).until(() -> "node-b".equals(acting.activeNode()));
      await("Patroni leader on node-b").atMost(MOVE)
          .until(() -> cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    } finally {
      cluster.thaw(NodeName.NODE_A);
    }

    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
    assertThat(acting.activeNode()).isEqualTo("node-b");
    assertThat(acting.node("node-a").path("role").asString()).isEqualTo("standby");
    assertThat(cluster.status().node("node-a").db()).isIn("sync_standby", "replica");
    assertThat(cluster.leader()).contains(NodeName.NODE_B);
  }

  @Test
  @Order(6)
  void anUnhealthyAppOnTheLeaderNodeMakesTheControllerSwitchTheLeaderOver() {
    ControllerApiClient acting = acting();
    await("node-a sync standby").atMost(MOVE)
        .until(() -> "sync_standby".equals(acting.node("node-a").path("db").asString()));
    assertThat(acting.switchover("node-a").statusCode()).isEqualTo(200);
    assertThat(cluster.leader()).contains(NodeName.NODE_A);

    cluster.kill(NodeName.NODE_A, Components.APP);

    await().atMost(MOVE).until(() -> cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    // recorded once Patroni has answered the switchover request
    await().atMost(MOVE).untilAsserted(() ->
        assertThat(acting.results()).anyMatch(r -> r.startsWith("Switchover node-a -> node-b: done")));
    assertThat(acting.activeNode()).isEqualTo("node-b");

    cluster.start(NodeName.NODE_A);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
  }

  @Test
  @Order(7)
  void whenTheActingControllerDiesTheOtherTakesOver() {
    ControllerApiClient acting = acting();
    ControllerApiClient observer = acting == first ? second : first;

    cluster.kill(NodeName.WITNESS, acting.component());

    await().atMost(MOVE).until(observer::acting);
    assertThat(observer.activeNode()).isEqualTo("node-b");
  }

  @Test
  @Order(8)
  void bothNodesLostTheCloudServesAndNoClinicianIsBackOnTheEdgeBeforeItsWritesAre() {
    ControllerApiClient acting = acting(); // the one left after the takeover
    var d = cluster.descriptor();
    EdgeApi api = new EdgeApi(URI.create(d.entrypoint()), Path.of(d.tls().caCertificate()), d.demo().username(), d.demo().password(),
        Duration.ofSeconds(5));
    String patient = api.createPatient("Paciente Nuvem", "1980-02-03", "female",
        "e2e-cloud-" + System.nanoTime()).text("id");
    assertThat(patient).isNotNull();

    cluster.kill(NodeName.NODE_B);
    cluster.kill(NodeName.NODE_A);

    // both down on both signals: the lease cannot be renewed (etcd lost its quorum), yet the cloud
    // is promoted and routed; the note is written there
    AtomicInteger attempt = new AtomicInteger();
    String[] cloudNote = new String[1];
    await("a note written in the cloud").atMost(MOVE).pollInterval(Duration.ofSeconds(1)).until(() -> {
      var r = api.writeNote(patient, "Escrita na nuvem", "e2e-cloud-note-" + attempt.incrementAndGet());
      cloudNote[0] = r.ok() && r.emergency() ? r.createdId() : null;
      return cloudNote[0] != null;
    });
    assertThat(acting.state()).isEqualTo("EMERGENCY_CLOUD");

    // the nodes come back: every answer the edge gives already holds the cloud's note
    cluster.start(NodeName.NODE_A);
    cluster.start(NodeName.NODE_B);
    await("clinicians back on the edge").atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200)).until(() -> {
          var page = api.listNotes(patient, 200, null);
          if (!page.ok() || page.emergency()) {
            return false;
          }
          assertThat(page.body().path("items").findValuesAsString("id"))
              .as("an edge answer lacking the note written in the cloud").contains(cloudNote[0]);
          return true;
        });
    // the decision is recorded once the whole action is done (drain and second merge included)
    await().atMost(Duration.ofSeconds(30)).until(() -> acting.history().stream()
        .anyMatch(e -> e.path("results").toString().contains("merged: 1 notes")));

    // edgectl failback then finds nothing new, re-seeds the cloud and ends the emergency
    var failback = CloudSite.failback(cluster, Duration.ofMinutes(3));
    assertThat(failback.merged()).isTrue();
    assertThat(failback.json()).doesNotContain(cloudNote[0]);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
  }

  private ControllerApiClient acting() {
    await("one acting controller").atMost(MOVE).until(() -> first.acting() ^ second.acting());
    return first.acting() ? first : second;
  }

  private Map<String, String> haproxy() {
    try {
      return br.prontuario.edge.site.haproxy.HaproxyRuntimeApi.of(cluster.layout().runtimeApiAddress())
          .serverStatuses("edge_nodes");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private LoadGenerator load() {
    var d = cluster.descriptor();
    return new LoadGenerator(LoadPlan.of(URI.create(d.entrypoint()), Path.of(d.tls().caCertificate()), d.demo().username(), d.demo().password(), 2,
        Duration.ofMinutes(5)), "e2e-" + System.nanoTime(), Clock.systemUTC());
  }

  private void assertNoAcknowledgedWriteLost(LoadResult result) {
    var d = cluster.descriptor();
    EdgeApi api = new EdgeApi(URI.create(d.entrypoint()), Path.of(d.tls().caCertificate()), d.demo().username(), d.demo().password(),
        Duration.ofSeconds(5));
    NoteVerifier.Verification verification =
        new NoteVerifier(api, Clock.systemUTC(), Duration.ofSeconds(60)).readBack(result.patientIds());
    assertThat(verification.complete()).as(verification.problem()).isTrue();
    Set<String> acked = result.acked().stream().map(AckedWrite::noteId).collect(Collectors.toSet());
    assertThat(acked).isNotEmpty();
    assertThat(verification.foundNoteIds()).containsAll(acked);
  }

}
