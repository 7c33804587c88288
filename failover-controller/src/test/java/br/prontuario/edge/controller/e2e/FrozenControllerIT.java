package br.prontuario.edge.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.ProcessSignals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A controller process is frozen (SIGSTOP) for 30 s while the standby node dies, then thawed.
 * The rounds it missed must not run back to back: "down" still needs failures spanning
 * (threshold − 1) × interval after it resumes, so the dead node is not declared DOWN sooner
 * (issue 19: the cloud was activated 2 s after the controller resumed). The standby, not the
 * leader: Patroni's own failover would move the leader meanwhile and co-location, rightly,
 * acts on that fact at once. The frozen replica is the observing one: its rounds are paced like
 * the acting one's, and the lease stays where it is (the shared cluster's probes: 2 s, 3 failures).
 */
@ExtendWith(ControllerClusterExtension.class)
class FrozenControllerIT {

  private static final Duration INTERVAL = Duration.ofSeconds(2);
  private static final int THRESHOLD = 3;
  private static final Duration FROZEN = Duration.ofSeconds(30);
  /** SIGCONT is sent just before the test reads the time: the controller may resume this much earlier. */
  private static final Duration SIGNAL_SLACK = Duration.ofMillis(200);

  @Test
  void aThawedControllerDecidesNoEarlierThanTheFailureSpanRuleAllows(ControllerCluster c)
      throws Exception {
    ControllerApiClient controller = c.observer(c.acting());
    long start = controller.lastSequence();
    NodeName leader = c.cluster.leader().orElseThrow();
    NodeName standby = leader == NodeName.NODE_A ? NodeName.NODE_B : NodeName.NODE_A;
    List<ProcessHandle> controllerProcess = controllerProcess(c, controller.component());

    controllerProcess.forEach(p -> ProcessSignals.send(ProcessSignals.Signal.STOP, p));
    c.cluster.kill(standby);
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
    assertThat(controller.historyAfter(start)).noneMatch(e -> e.path("to").asString().equals("FAILOVER")
        || e.path("to").asString().equals("EMERGENCY_CLOUD"));
  }

  /** The replica's JVM, found by the history folder only it uses. */
  private static List<ProcessHandle> controllerProcess(ControllerCluster c, String component) {
    String historyDir = "--edge.controller.history.dir=" + c.cluster.dir(NodeName.WITNESS, component);
    List<ProcessHandle> found = ProcessHandle.allProcesses()
        // one exact argument: "…/failover-controller" is a prefix of the other replica's folder
        .filter(p -> p.info().arguments().filter(args -> List.of(args).contains(historyDir)).isPresent())
        .toList();
    assertThat(found).as("the controller's process").hasSize(1);
    return found;
  }
}
