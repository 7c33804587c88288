package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action.Alert;
import br.prontuario.edge.controller.decision.Action.DeactivateCloud;
import br.prontuario.edge.controller.decision.Action.RouteTo;
import br.prontuario.edge.controller.decision.Action.Switchover;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** After every transition the active node converges to the PostgreSQL leader's node. */
class CoLocationTest {

  private static final String MISPLACED_ON_A =
      "active node node-a is not the PostgreSQL leader's node node-b: moving the active role there";

  private final ClusterScene scene = ClusterScene.routedToTheLeader();

  @Test
  void reportsDegradedWhenPatroniMovedTheLeaderAwayFromTheActiveNode() {
    patroniMovesTheLeaderToB();

    Decision decision = scene.round();

    assertThat(decision.to()).isEqualTo(ControllerState.DEGRADED);
    assertThat(decision.reasons()).containsExactly(MISPLACED_ON_A);
    assertThat(decision.actions()).containsExactly(new Alert("warning", MISPLACED_ON_A));
  }

  @Test
  void routesToTheLeadersNodeAndReturnsToNormalOnceThere() {
    patroniMovesTheLeaderToB();
    scene.round();

    Optional<Decision> reconcile = scene.engine.reconcileRouting(ClusterScene.routedTo("node-a"));

    assertThat(reconcile).hasValueSatisfying(d -> {
      assertThat(d.actions()).containsExactly(new RouteTo("node-b"));
      assertThat(d.activeNode()).isEqualTo("node-b");
      assertThat(d.reasons()).containsExactly(
          "node-b holds the PostgreSQL leader and serves; moving the active role there from node-a");
    });
    Decision next = scene.round();
    assertThat(next.to()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-b"))).isEmpty();
  }

  @Test
  void afterFailbackFromTheCloudSaysDegradedUntilTheActiveNodeIsTheLeadersNode() {
    scene.bothNodesDown();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.EMERGENCY_CLOUD);
    // node-b answers first; node-a's PostgreSQL still holds the leader in the DCS, stopped
    scene.appB = Signal.up();
    scene.patroniB = Signal.up();
    Decision failback = scene.round();
    assertThat(failback.actions()).containsExactly(new DeactivateCloud("node-b"));
    // node-a thaws and keeps the leader; node-b becomes its synchronous standby
    scene.appA = Signal.up();
    scene.patroniA = Signal.up();
    scene.syncStandby = "node-b";

    Decision settled = scene.round();

    assertThat(settled.from()).isEqualTo(ControllerState.FAILBACK);
    assertThat(settled.to()).isEqualTo(ControllerState.DEGRADED);
    assertThat(settled.reasons()).containsExactly(
        "active node node-b is not the PostgreSQL leader's node node-a: moving the active role there");
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-b")))
        .hasValueSatisfying(d -> assertThat(d.actions()).containsExactly(new RouteTo("node-a")));
    assertThat(scene.round().to()).isEqualTo(ControllerState.NORMAL);
  }

  @Test
  void failsBackFromTheCloudStraightToTheLeadersNode() {
    scene.bothNodesDown();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.EMERGENCY_CLOUD);
    scene.appA = Signal.up();
    scene.patroniA = Signal.up();
    scene.appB = Signal.up();
    scene.patroniB = Signal.up();
    scene.patroniPromotesB();
    scene.roleA = PgRole.REPLICA;

    Decision failback = scene.round();

    assertThat(failback.actions()).containsExactly(new DeactivateCloud("node-b"));
    assertThat(failback.activeNode()).isEqualTo("node-b");
  }

  @Test
  void finishesAnUnfinishedFailbackOnTheLeadersNode() {
    patroniMovesTheLeaderToB();
    scene.round();

    Optional<Decision> reconcile = scene.engine.reconcileRouting(new RoutingView(true, Optional.empty()));

    assertThat(reconcile).hasValueSatisfying(d ->
        assertThat(d.actions()).containsExactly(new DeactivateCloud("node-b")));
  }

  @Test
  void switchesTheLeaderOverWhenItsAppIsNotReadyInsteadOfRoutingThere() {
    patroniMovesTheLeaderToB();
    scene.round();
    scene.appB = Signal.failed("503 primary unreachable");

    List<Decision> decisions = scene.rounds(3);

    assertThat(decisions).flatMap(Decision::actions).contains(new Switchover("node-b", "node-a"));
    assertThat(scene.engine.state()).isEqualTo(ControllerState.DEGRADED);
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-a"))).isEmpty();
  }

  @Test
  void aPlannedSwitchoverUnderWayIsNotAMisplacement() {
    scene.engine.requestSwitchover("node-b");

    Decision whilePatroniWorks = scene.round();

    assertThat(whilePatroniWorks.to()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-b"))).isEmpty();
  }

  @Test
  void aSwitchoverPatroniNeverCarriedOutEndsInRoutingBackToTheLeader() {
    scene.engine.requestSwitchover("node-b");
    // the cooldown (30 s) passes with node-a still the leader
    List<Decision> decisions = scene.rounds(7);

    assertThat(decisions).extracting(Decision::to).contains(ControllerState.DEGRADED);
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-b")))
        .hasValueSatisfying(d -> assertThat(d.actions()).containsExactly(new RouteTo("node-a")));
  }

  @Test
  void aReplicaThatDoesNotActFollowsTheLeaderAnotherReplicaSwitchedOver() {
    // the acting replica carried out an operator's switchover to node-b; this one only watches
    patroniMovesTheLeaderToB();
    assertThat(scene.round().to()).isEqualTo(ControllerState.DEGRADED);

    Optional<Decision> followed = scene.engine.followLeader();

    assertThat(followed).hasValueSatisfying(d -> {
      assertThat(d.actions()).isEmpty();
      assertThat(d.activeNode()).isEqualTo("node-b");
      assertThat(d.at()).isEqualTo(scene.clock.instant());
      assertThat(d.reasons()).containsExactly(
          "node-b holds the PostgreSQL leader and serves; moving the active role there from node-a");
    });
    assertThat(scene.round().to()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.followLeader()).isEmpty();
  }

  @Test
  void aReplicaThatDoesNotActWaitsForTheLeadersNodeToServeAndNeverFollowsInEmergency() {
    patroniMovesTheLeaderToB();
    scene.appB = Signal.failed("HTTP 503");
    scene.rounds(3);

    assertThat(scene.engine.followLeader()).isEmpty();
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");

    scene.bothNodesDown();
    assertThat(scene.engine.followLeader()).isEmpty();
  }

  @Test
  void reportsDegradedWhileNoNodeHoldsTheLeader() {
    scene.leader = null;

    Decision decision = scene.round();

    assertThat(decision.to()).isEqualTo(ControllerState.DEGRADED);
    assertThat(decision.reasons()).containsExactly("no PostgreSQL leader in the DCS; the active node node-a waits for one");
    assertThat(scene.engine.reconcileRouting(ClusterScene.routedTo("node-a"))).isEmpty();
  }

  private void patroniMovesTheLeaderToB() {
    scene.leader = "node-b";
    scene.syncStandby = "node-a";
    scene.roleA = PgRole.REPLICA;
    scene.roleB = PgRole.PRIMARY;
  }
}
