package br.prontuario.edge.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.DecisionEngine;
import br.prontuario.edge.controller.decision.HealthRules;
import br.prontuario.edge.controller.election.EtcdLeadership;
import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.history.HistoryEvent;
import br.prontuario.edge.controller.history.HistoryRecorder;
import br.prontuario.edge.controller.metrics.ControllerMetrics;
import br.prontuario.edge.controller.probe.ClusterProber;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.controller.probe.HttpProbe;
import br.prontuario.edge.controller.probe.SentinelClient;
import br.prontuario.edge.controller.routing.HaproxyRouter;
import br.prontuario.edge.controller.routing.RoutingProperties;
import br.prontuario.edge.testsupport.servers.RealEtcd;
import br.prontuario.edge.testsupport.servers.RealHaproxy;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.site.patroni.PatroniClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two controller replicas on a real etcd drive one real HAProxy. The nodes they watch do not answer
 * (closed ports), so both decide the same thing — activate the cloud — but only the lease holder
 * touches HAProxy; when it stops, the other takes over and re-asserts the routing.
 */
class TwoControllersIT {

  private static final HealthRules FAST =
      new HealthRules(Duration.ofMillis(300), Duration.ofMillis(200), 3, Duration.ofSeconds(30));

  @TempDir Path dir;
  private RealEtcd etcd;
  private RealHaproxy haproxy;
  private ControlLoop first;
  private ControlLoop second;
  private DecisionHistory firstHistory;
  private DecisionHistory secondHistory;

  @AfterEach
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, haproxy, etcd}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // best effort cleanup of real processes
      }
    }
  }

  @Test
  void onlyTheLeaseHolderActsAndTheOtherTakesOverWhenItStops() {
    etcd = RealEtcd.start(dir.resolve("etcd"));
    haproxy = RealHaproxy.start(dir.resolve("haproxy"));
    ClusterTopology topology = unreachableNodes();
    firstHistory = new DecisionHistory(dir.resolve("c1/decisions.jsonl"), JsonMapper.shared());
    secondHistory = new DecisionHistory(dir.resolve("c2/decisions.jsonl"), JsonMapper.shared());
    first = loop("controller-1", topology, firstHistory);
    first.start();
    await().atMost(Duration.ofSeconds(15)).until(() -> first.leadership().isLeader());
    second = loop("controller-2", topology, secondHistory);
    second.start();

    await().atMost(Duration.ofSeconds(20)).until(() ->
        first.engine().state() == ControllerState.EMERGENCY_CLOUD
            && second.engine().state() == ControllerState.EMERGENCY_CLOUD);
    await().atMost(Duration.ofSeconds(10)).until(() -> !haproxy.statusOf("cloud").equals("MAINT"));
    assertThat(results(firstHistory)).anyMatch(r -> r.startsWith("ActivateCloud: done"));
    assertThat(results(secondHistory)).isNotEmpty()
        .allMatch(r -> r.equals("observed only: controller-2 is not the acting controller"));

    haproxy.command("set server edge_nodes/cloud state maint");
    first.close();

    await().atMost(Duration.ofSeconds(20)).until(() -> second.leadership().isLeader());
    await().atMost(Duration.ofSeconds(20)).until(() -> !haproxy.statusOf("cloud").equals("MAINT"));
    // opening the cloud also puts the nodes in maintenance: a returning node waits for failback
    assertThat(secondHistory.recent(100)).anyMatch(e -> e.trigger().equals("reconcile")
        && e.results().contains("ActivateCloud: done: cloud ready; node-a maint; node-b maint"));
    assertThat(haproxy.statusOf("node-a")).isEqualTo("MAINT");
  }

  private ControlLoop loop(String identity, ClusterTopology topology, DecisionHistory history) {
    Clock clock = Clock.systemUTC();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PatroniClient patroni = new PatroniClient(FAST.timeout());
    ClusterProber prober = new ClusterProber(topology, new HttpProbe(FAST.timeout()), patroni,
        new SentinelClient(topology.sentinels(), "edge", FAST.timeout()), Executors.newCachedThreadPool(), clock);
    DecisionEngine engine = new DecisionEngine(clock, FAST, ControllerState.NORMAL);
    HaproxyRouter router = new HaproxyRouter(
        new RoutingProperties.Haproxy("127.0.0.1", haproxy.adminPort(), null, null, null), List.of("node-a", "node-b"));
    Actuator actuator = new Actuator(router, patroni, topology, meters);
    EtcdLeadership leadership = new EtcdLeadership(List.of(etcd.endpoint()), identity, "two-controllers",
        Duration.ofSeconds(3), JsonMapper.shared(), clock);
    ControllerMetrics metrics = new ControllerMetrics(meters, clock, List.of("node-a", "node-b"), engine::state,
        actuator::cloudActive, leadership::isLeader);
    return new ControlLoop(prober, engine, actuator, router, leadership,
        new HistoryRecorder(history, meters, clock, identity), metrics, FAST);
  }

  private static ClusterTopology unreachableNodes() {
    return new ClusterTopology(List.of(
        new ClusterTopology.Node("node-a", "http://127.0.0.1:" + FreePorts.next(),
            "http://127.0.0.1:" + FreePorts.next(), null),
        new ClusterTopology.Node("node-b", "http://127.0.0.1:" + FreePorts.next(),
            "http://127.0.0.1:" + FreePorts.next(), null)),
        List.of(), "edge");
  }

  private static List<String> results(DecisionHistory history) {
    return history.recent(1000).stream().map(HistoryEvent::results).flatMap(List::stream).toList();
  }
}
