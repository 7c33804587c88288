package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.config.NodeName;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An edge-node that hangs for less than three probes in a row is no reason to fail over. Only
 * the app is frozen: thawing a whole node (PostgreSQL, Redis, Patroni with it) could keep its
 * readiness failing for two more probes on a loaded box, a real outage rather than a flap.
 */
@ExtendWith(ControllerClusterExtension.class)
class FlappingProbeIT {

  @Test
  void aFlappingProbeCausesNoFailover(ControllerCluster c) {
    ControllerApiClient acting = c.acting();
    long start = acting.lastSequence();
    AtomicInteger worstRun = new AtomicInteger();
    for (int i = 0; i < 4; i++) {
      // frozen until a probe has timed out on it (one failure seen), then thawed at once: far
      // from the three consecutive failures a failover needs
      c.cluster.freeze(NodeName.NODE_A, Components.APP);
      try {
        await("a probe timed out on the frozen node").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200)).until(() -> appFailures(acting, worstRun) >= 1);
      } finally {
        c.cluster.thaw(NodeName.NODE_A, Components.APP);
      }
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
          .until(() -> appFailures(acting, worstRun) == 0
              && acting.node("node-a").path("patroniFailures").asInt() == 0);
    }

    assertThat(worstRun.get()).as("the freezes were seen as failed probes").isBetween(1, 2);
    assertThat(acting.state()).isEqualTo("NORMAL");
    assertThat(acting.activeNode()).isEqualTo("node-a");
    assertThat(acting.historyAfter(start))
        .noneMatch(e -> e.path("to").asString().equals("FAILOVER"));
    assertThat(c.cluster.leader()).contains(NodeName.NODE_A);
  }

  /** node-a's current run of failed app probes, remembering the longest run seen. */
  private static int appFailures(ControllerApiClient acting, AtomicInteger worstRun) {
    int failures = acting.node("node-a").path("appFailures").asInt();
    worstRun.accumulateAndGet(failures, Math::max);
    return failures;
  }
}
