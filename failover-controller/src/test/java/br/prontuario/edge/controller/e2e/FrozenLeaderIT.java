package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.config.NodeName;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The leader's machine hangs (SIGSTOP) with its sockets still open, then wakes up. */
@ExtendWith(ControllerClusterExtension.class)
class FrozenLeaderIT {

  @Test
  void aFrozenLeaderIsReplacedAndComesBackAsAStandbyNeverASecondPrimary(ControllerCluster c) {
    ControllerApiClient acting = c.acting();

    c.cluster.freeze(NodeName.NODE_A);
    try {
      await("active role on node-b").atMost(MOVE)
          .until(() -> "node-b".equals(acting.activeNode()));
      await("Patroni leader on node-b").atMost(MOVE)
          .until(() -> c.cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    } finally {
      c.cluster.thaw(NodeName.NODE_A);
    }

    await().atMost(MOVE).until(() -> "NORMAL".equals(acting.state()));
    assertThat(acting.activeNode()).isEqualTo("node-b");
    assertThat(acting.node("node-a").path("role").asString()).isEqualTo("standby");
    assertThat(c.cluster.status().node("node-a").db()).isIn("sync_standby", "replica");
    assertThat(c.cluster.leader()).contains(NodeName.NODE_B);
  }
}
