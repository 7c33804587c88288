package br.prontuario.edge.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.controller.FailoverControllerProcess;
import br.prontuario.edge.localcluster.process.ProcessSignals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The controller process is frozen (SIGSTOP) for 30 s while the standby node dies, then thawed.
 * The rounds it missed must not run back to back: "down" still needs failures spanning
 * (threshold − 1) × interval after it resumes, so the dead node is not declared DOWN sooner
 * (issue 19: the cloud was activated 2 s after the controller resumed). The standby, not the
 * leader: Patroni's own failover would move the leader meanwhile and co-location, rightly,
 * acts on that fact at once.
 */
class FrozenControllerIT {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final int THRESHOLD = 3;
  private static final Duration FROZEN = Duration.ofSeconds(30);
  /** SIGCONT is sent just before the test reads the time: the controller may resume this much earlier. */
  private static final Duration SIGNAL_SLACK = Duration.ofMillis(200);

  private EdgeCluster cluster;
  private Path state;

  @AfterEach
  void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.stop();
    }
    if (state != null) {
      try (var files = Files.walk(state)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aThawedControllerDecidesNoEarlierThanTheFailureSpanRuleAllows() throws Exception {
    Path repo = Path.of(System.getProperty("user.dir")).getParent();
    // short on purpose: PostgreSQL's Unix socket path must stay < 108 bytes
    state = Files.createTempDirectory("edge-frz-");
    cluster = EdgeCluster.at(state, ClusterConfigLoader.loadFromRepository(repo), repo);
    cluster.start();
    String component = FailoverControllerProcess.COMPONENT;
    ControllerApiClient controller = new ControllerApiClient("controller-1", component,
        FailoverControllerProcess.launch(cluster, repo, component, "controller-1", Map.of(
            "edge.controller.probe.interval", INTERVAL.toMillis() + "ms",
            "edge.controller.probe.timeout", "1500ms",
            "edge.controller.probe.failure-threshold", String.valueOf(THRESHOLD)), Duration.ofSeconds(120)),
        cluster.descriptor().jwtSecret());
    await().atMost(Duration.ofSeconds(120)).until(() -> cluster.leader().isPresent()
        && "NORMAL".equals(controller.state())
        && cluster.leader().get().id().equals(controller.activeNode()));
    NodeName leader = cluster.leader().orElseThrow();
    NodeName standby = leader == NodeName.NODE_A ? NodeName.NODE_B : NodeName.NODE_A;
    List<ProcessHandle> controllerProcess = controllerProcess(component);

    controllerProcess.forEach(p -> ProcessSignals.send(ProcessSignals.Signal.STOP, p));
    cluster.kill(standby);
    Thread.sleep(FROZEN.toMillis());
    controllerProcess.forEach(p -> ProcessSignals.send(ProcessSignals.Signal.CONT, p));
    Instant resumed = Instant.now();

    // the verdict is visible in the status after every round; a poll sees it at most ~0.1 s late
    Instant firstDown = null;
    Instant deadline = resumed.plus(Duration.ofSeconds(60));
    while (firstDown == null && Instant.now().isBefore(deadline)) {
      if (controller.status().isPresent() && "DOWN".equals(controller.node(standby.id()).path("status").asString())) {
        firstDown = Instant.now();
      }
      Thread.sleep(100);
    }

    assertThat(firstDown).as(standby.id() + " declared DOWN after the thaw").isNotNull();
    assertThat(Duration.between(resumed, firstDown))
        .as("the standby's failures after the thaw must span (threshold - 1) x interval")
        .isGreaterThanOrEqualTo(INTERVAL.multipliedBy(THRESHOLD - 1).minus(SIGNAL_SLACK));
    assertThat(controller.activeNode()).isEqualTo(leader.id());
    assertThat(controller.history()).noneMatch(e -> e.path("to").asString().equals("FAILOVER")
        || e.path("to").asString().equals("EMERGENCY_CLOUD"));
  }

  /** The controller's JVM, found by the history folder only this cluster's replica uses. */
  private List<ProcessHandle> controllerProcess(String component) {
    String historyDir = "--edge.controller.history.dir=" + cluster.dir(NodeName.WITNESS, component);
    List<ProcessHandle> found = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().filter(c -> c.contains(historyDir)).isPresent())
        .toList();
    assertThat(found).as("the controller's process").hasSize(1);
    return found;
  }
}
