package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.config.NodeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The acting controller replica dies; the observing one takes the lease and acts. */
@ExtendWith(ControllerClusterExtension.class)
class ControllerTakeoverIT {

  @Test
  void whenTheActingControllerDiesTheOtherTakesOver(ControllerCluster c) {
    ControllerApiClient acting = c.acting();
    ControllerApiClient observer = c.observer(acting);
    // the observer follows the leader, also after a switchover the restore may have made
    await().atMost(MOVE).until(() -> "node-a".equals(observer.activeNode()));

    c.cluster.kill(NodeName.WITNESS, acting.component());

    await().atMost(MOVE).until(observer::acting);
    assertThat(observer.activeNode()).isEqualTo("node-a");
  }
}
