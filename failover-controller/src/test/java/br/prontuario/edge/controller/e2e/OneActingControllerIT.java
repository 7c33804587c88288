package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two controller replicas side by side: one acts (routes), the other only observes. */
@ExtendWith(ControllerClusterExtension.class)
class OneActingControllerIT {

  @Test
  void onlyOneOfTwoControllersActs(ControllerCluster c) {
    await().atMost(MOVE).until(() -> c.first.acting() ^ c.second.acting());
    ControllerApiClient acting = c.acting();
    ControllerApiClient observer = c.observer(acting);
    long actingStart = acting.lastSequence();
    long observerStart = observer.lastSequence();

    // HAProxy routed to both nodes, as before any controller ran: routing is a decision to act on
    c.haproxyCommand("set server edge_nodes/node-b state ready");

    await().atMost(MOVE).untilAsserted(() -> assertThat(acting.resultsAfter(actingStart))
        .anyMatch(r -> r.startsWith("RouteTo node-a: done")));
    assertThat(acting.state()).isEqualTo("NORMAL");
    assertThat(acting.activeNode()).isEqualTo("node-a");
    assertThat(observer.acting()).isFalse();
    assertThat(observer.resultsAfter(observerStart)).allMatch(r -> r.startsWith("observed only"));
    assertThat(c.haproxy()).containsEntry("node-b", "DRAIN");
  }
}
