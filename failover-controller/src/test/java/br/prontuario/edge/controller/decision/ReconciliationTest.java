package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action.ActivateCloud;
import br.prontuario.edge.controller.decision.Action.DeactivateCloud;
import br.prontuario.edge.controller.decision.Action.RouteTo;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

  private final ClusterScene scene = ClusterScene.routedToTheLeader();

  @Test
  void routesAgainToTheActiveNodeWhenTheRouterDrifted() {
    Optional<Decision> decision = scene.engine.reconcileRouting(ClusterScene.routedTo("node-b"));

    assertThat(decision).hasValueSatisfying(d -> {
      assertThat(d.trigger()).isEqualTo("reconcile");
      assertThat(d.actions()).containsExactly(new RouteTo("node-a"));
      assertThat(d.reasons()).containsExactly("router sends traffic to node-b, intended node-a");
      assertThat(d.at()).isEqualTo(scene.clock.instant());
      assertThat(d.from()).isEqualTo(d.to()).isEqualTo(ControllerState.NORMAL);
    });
  }

  @Test
  void leavesTheRouterAloneWhenItAgrees() {
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-a"))).isEmpty();
  }

  @Test
  void saysNoSingleNodeWhenTheRouterSendsToNoneOrSeveral() {
    assertThat(scene.engine.reconcileRouting(new RoutingView(false, Optional.empty())))
        .hasValueSatisfying(d -> assertThat(d.reasons())
            .containsExactly("router sends traffic to no single node, intended node-a"));
  }

  @Test
  void finishesTheFailbackWhenTheEdgeServesButTheCloudIsStillRouted() {
    Optional<Decision> decision = scene.engine.reconcileRouting(new RoutingView(true, Optional.of("node-a")));

    assertThat(decision).hasValueSatisfying(d -> {
      assertThat(d.actions()).containsExactly(new DeactivateCloud("node-a"));
      assertThat(d.reasons()).containsExactly("the edge serves again but the cloud is still routed");
    });
  }

  @Test
  void neverReconcilesRoutingInMaintenanceOrInEmergency() {
    scene.engine.setMaintenance(true);
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-b"))).isEmpty();
    scene.engine.setMaintenance(false);

    scene.bothNodesDown();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.EMERGENCY_CLOUD);

    assertThat(scene.engine.reconcileRouting(new RoutingView(false, Optional.empty()))).isEmpty();
  }

  @Test
  void retriesTheCloudActivationInEmergencyUntilThisReplicaHasIt() {
    scene.bothNodesDown();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.EMERGENCY_CLOUD);

    assertThat(scene.engine.reconcileCloud(false)).hasValueSatisfying(d -> {
      assertThat(d.actions()).containsExactly(new ActivateCloud());
      assertThat(d.to()).isEqualTo(ControllerState.EMERGENCY_CLOUD);
      assertThat(d.reasons()).containsExactly("cloud fallback not active yet; retrying");
    });
    assertThat(scene.engine.reconcileCloud(true)).isEmpty();
  }

  @Test
  void neverRetriesTheCloudOutsideEmergencyOrInMaintenance() {
    assertThat(scene.engine.reconcileCloud(false)).isEmpty();

    scene.bothNodesDown();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.EMERGENCY_CLOUD);
    scene.engine.setMaintenance(true);

    assertThat(scene.engine.reconcileCloud(false)).isEmpty();
  }

  @Test
  void recordsMaintenanceAsAManualDecisionWithoutActions() {
    Decision decision = scene.engine.setMaintenance(true);

    assertThat(decision.trigger()).isEqualTo("manual");
    assertThat(decision.actions()).isEmpty();
    assertThat(decision.reasons()).containsExactly("operator turned maintenance mode on: automatic decisions paused");
    assertThat(scene.engine.maintenance()).isTrue();
  }
}
