package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The database on the leader's node is fine but its edge-node app is gone. */
@ExtendWith(ControllerClusterExtension.class)
class UnhealthyAppIT {

  @Test
  void anUnhealthyAppOnTheLeaderNodeMakesTheControllerSwitchTheLeaderOver(ControllerCluster c) {
    ControllerApiClient acting = c.acting();
    long start = acting.lastSequence();
    assertThat(c.cluster.leader()).contains(NodeName.NODE_A);

    c.cluster.kill(NodeName.NODE_A, Components.APP);

    await().atMost(MOVE).until(() -> c.cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    // recorded once Patroni has answered the switchover request
    await().atMost(MOVE).untilAsserted(() -> assertThat(acting.resultsAfter(start))
        .anyMatch(r -> r.startsWith("Switchover node-a -> node-b: done")));
    assertThat(acting.activeNode()).isEqualTo("node-b");

    c.cluster.start(NodeName.NODE_A);
    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
  }
}
