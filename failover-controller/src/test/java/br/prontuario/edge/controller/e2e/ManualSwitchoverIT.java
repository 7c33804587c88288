package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.config.NodeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** IT staff move the active role on purpose (maintenance of the leader's node). */
@ExtendWith(ControllerClusterExtension.class)
class ManualSwitchoverIT {

  @Test
  void aManualSwitchoverMovesTheActiveRoleAndTheLeader(ControllerCluster c) {
    ControllerApiClient acting = c.acting();

    var reply = acting.switchover("node-b");

    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("Switchover node-a -> node-b: done");
    assertThat(c.cluster.leader()).contains(NodeName.NODE_B);
    assertThat(acting.activeNode()).isEqualTo("node-b");
    // the replica that only observes follows the leader it did not move
    ControllerApiClient observer = c.observer(acting);
    await().atMost(MOVE).until(() -> "node-b".equals(observer.activeNode())
        && "NORMAL".equals(observer.state()));
  }
}
