package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.localcluster.config.NodeName;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leader's node loses power while clinicians write. */
@ExtendWith(ControllerClusterExtension.class)
class LeaderKillIT {

  @Test
  void killingTheActiveLeaderMovesTheActiveRoleWithoutLosingAcknowledgedWrites(
      ControllerCluster c) {
    ControllerApiClient acting = c.acting();
    long start = acting.lastSequence();
    LoadGenerator load = c.load();
    load.start();
    await().atMost(MOVE).until(() -> load.ackedSoFar() >= 10);

    c.cluster.kill(NodeName.NODE_A);

    await().atMost(MOVE).until(() -> "node-b".equals(acting.activeNode()));
    assertThat(acting.state()).isEqualTo("FAILOVER");
    await().atMost(MOVE).until(() -> c.cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    int ackedAtPromotion = load.ackedSoFar();
    await("writes through HAProxy resume").atMost(MOVE)
        .until(() -> load.ackedSoFar() >= ackedAtPromotion + 10);
    load.stop();
    LoadResult result = load.awaitStopped(Duration.ofSeconds(10));
    c.assertNoAcknowledgedWriteLost(result);
    assertThat(acting.historyAfter(start)).anyMatch(e -> e.path("to").asString().equals("FAILOVER")
        && e.path("detectionMillis").asLong() > 0);

    c.cluster.start(NodeName.NODE_A);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
    assertThat(acting.activeNode()).isEqualTo("node-b");
    assertThat(acting.node("node-a").path("role").asString()).isEqualTo("standby");
    assertThat(acting.node("node-a").path("db").asString()).isEqualTo("sync_standby");
  }
}
