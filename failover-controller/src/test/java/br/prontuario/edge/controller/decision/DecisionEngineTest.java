package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action.ActivateCloud;
import br.prontuario.edge.controller.decision.Action.Alert;
import br.prontuario.edge.controller.decision.Action.RouteTo;
import br.prontuario.edge.controller.decision.Action.Switchover;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DecisionEngineTest {

  private ClusterScene scene;

  @BeforeEach
  void healthyClusterRoutedToTheLeader() {
    scene = new ClusterScene();
    Decision first = scene.round();
    assertThat(first.actions()).containsExactly(new RouteTo("node-a"));
    assertThat(scene.engine.state()).isEqualTo(ControllerState.NORMAL);
  }

  @Test
  void movesActiveRoleToStandbyAfterThreeMissedProbesOnBothSignals() {
    scene.killNodeA();
    List<Decision> firstTwo = scene.rounds(2);
    assertThat(firstTwo).allSatisfy(d -> assertThat(d.actions()).isEmpty());

    Decision third = scene.round();

    assertThat(third.actions()).contains(new RouteTo("node-b"));
    assertThat(third.to()).isEqualTo(ControllerState.FAILOVER);
    assertThat(third.detectedAt()).contains(firstTwo.get(0).at());
    assertThat(third.reasons()).anyMatch(r -> r.contains("node-a DOWN"));
    assertThat(scene.engine.activeNode()).isEqualTo("node-b");
  }

  @Test
  void flappingProbeOneInThreeCausesNoFailover() {
    for (int i = 0; i < 12; i++) {
      scene.appA = i % 3 == 0 ? Signal.failed("timeout after 2s") : Signal.up();
      scene.patroniA = i % 3 == 0 ? Signal.failed("timeout after 2s") : Signal.up();
      Decision decision = scene.round();
      assertThat(decision.actions()).isEmpty();
      assertThat(decision.to()).isEqualTo(ControllerState.NORMAL);
    }
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");
  }

  @Test
  void singleSlowProbeTriggersNothing() {
    scene.appA = Signal.failed("timeout after 2s");
    Decision slow = scene.round();
    scene.appA = Signal.up();
    Decision recovered = scene.round();

    assertThat(slow.actions()).isEmpty();
    assertThat(scene.engine.health().get("node-a").status()).isEqualTo(NodeStatus.HEALTHY);
    assertThat(recovered.to()).isEqualTo(ControllerState.NORMAL);
  }

  @Test
  void appFailureAloneNeverDeclaresTheNodeDown() {
    scene.appB = Signal.failed("503");
    scene.rounds(5);

    assertThat(scene.engine.health().get("node-b").status()).isEqualTo(NodeStatus.APP_UNHEALTHY);
    assertThat(scene.engine.state()).isEqualTo(ControllerState.DEGRADED);
  }

  @Test
  void switchesTheLeaderToTheSyncStandbyWhenOnlyTheLeadersAppIsUnhealthy() {
    scene.appA = Signal.failed("503 primary unreachable");
    List<Decision> decisions = scene.rounds(3);

    Decision third = decisions.get(2);
    assertThat(third.actions()).contains(new RouteTo("node-b"), new Switchover("node-a", "node-b"));
    assertThat(third.to()).isEqualTo(ControllerState.FAILOVER);
  }

  @Test
  void asksPatroniForTheSwitchoverOnlyOnceWithinTheCooldown() {
    scene.appA = Signal.failed("503");
    List<Decision> decisions = scene.rounds(6);

    long switchovers = decisions.stream().flatMap(d -> d.actions().stream())
        .filter(a -> a instanceof Switchover).count();
    assertThat(switchovers).isEqualTo(1);
  }

  @Test
  void neverSwitchesOverToANodeThatIsNotTheSynchronousStandby() {
    scene.syncStandby = null;
    scene.appA = Signal.failed("503");
    List<Decision> decisions = scene.rounds(4);

    assertThat(decisions).flatMap(Decision::actions).noneMatch(a -> a instanceof Switchover);
    assertThat(decisions).flatMap(Decision::actions)
        .anyMatch(a -> a instanceof Alert alert && alert.message().contains("no healthy synchronous standby"));
  }

  @Test
  void refusesToActAndAlertsWhenTwoPrimariesAreSeen() {
    scene.roleB = PgRole.PRIMARY;
    scene.killNodeA();
    scene.appA = Signal.up();
    scene.patroniA = Signal.up();
    scene.appB = Signal.failed("503");
    List<Decision> decisions = scene.rounds(4);

    assertThat(decisions.get(0).actions()).containsExactly(
        new Alert("critical", "split brain: primaries on [node-a, node-b]"));
    assertThat(decisions.subList(1, 4)).allSatisfy(d -> assertThat(d.actions()).isEmpty());
    assertThat(scene.engine.state()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");
  }

  @Test
  void maintenanceModePausesAutomaticDecisions() {
    scene.engine.setMaintenance(true);
    scene.killNodeA();
    List<Decision> decisions = scene.rounds(5);

    assertThat(decisions).allSatisfy(d -> {
      assertThat(d.actions()).isEmpty();
      assertThat(d.trigger()).isEqualTo("maintenance");
    });
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");

    scene.engine.setMaintenance(false);
    assertThat(scene.round().actions()).contains(new RouteTo("node-b"));
  }

  @Test
  void activatesTheCloudOnlyWhenBothNodesAreDownOnBothSignals() {
    scene.killNodeA();
    scene.appB = Signal.failed("refused");
    scene.patroniB = Signal.failed("refused");
    List<Decision> decisions = scene.rounds(4);

    assertThat(decisions.get(2).actions()).contains(new ActivateCloud());
    assertThat(decisions.get(2).to()).isEqualTo(ControllerState.EMERGENCY_CLOUD);
    assertThat(decisions.get(3).actions()).isEmpty();
  }

  @Test
  void failsBackFromTheCloudWhenANodeServesAgain() {
    scene.killNodeA();
    scene.appB = Signal.failed("refused");
    scene.patroniB = Signal.failed("refused");
    scene.rounds(3);
    scene.appA = Signal.up();
    scene.patroniA = Signal.up();

    Decision back = scene.round();

    assertThat(back.to()).isEqualTo(ControllerState.FAILBACK);
    // one compound action: merge, then route, then close the cloud; no bare RouteTo that would
    // send clinicians to the edge before the cloud's writes are there
    assertThat(back.actions()).containsExactly(new Action.DeactivateCloud("node-a"));
  }

  @Test
  void marksTheRecoveredNodeStandbyAndReturnsToNormalOnceItIsTheSyncStandby() {
    scene.killNodeA();
    scene.rounds(3);
    scene.patroniPromotesB();
    scene.round();
    assertThat(scene.engine.state()).isEqualTo(ControllerState.FAILOVER);

    scene.appA = Signal.up();
    scene.patroniA = Signal.up();
    scene.roleA = PgRole.REPLICA;
    Decision rejoined = scene.round();
    assertThat(rejoined.to()).isEqualTo(ControllerState.FAILBACK);

    scene.syncStandby = "node-a";
    Decision normal = scene.round();
    assertThat(normal.to()).isEqualTo(ControllerState.NORMAL);
    assertThat(scene.engine.activeNode()).isEqualTo("node-b");
  }

  @Test
  void degradesAndAlertsOnceWhenTheStandbyIsDown() {
    scene.appB = Signal.failed("refused");
    scene.patroniB = Signal.failed("refused");
    scene.syncStandby = null;
    List<Decision> decisions = scene.rounds(5);

    assertThat(scene.engine.state()).isEqualTo(ControllerState.DEGRADED);
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");
    assertThat(decisions).flatMap(Decision::actions).filteredOn(a -> a instanceof Alert).hasSize(1);
  }

  @Test
  void manualSwitchoverGoesToTheSyncStandbyAndMovesTheLeader() {
    SwitchoverOutcome outcome = scene.engine.requestSwitchover("node-b");

    assertThat(outcome).isInstanceOfSatisfying(SwitchoverOutcome.Accepted.class, accepted ->
        assertThat(accepted.decision().actions())
            .containsExactly(new Switchover("node-a", "node-b"), new RouteTo("node-b")));
    assertThat(scene.engine.activeNode()).isEqualTo("node-b");
  }

  @Test
  void manualSwitchoverToANodeThatIsNotTheSyncStandbyIsRejected() {
    scene.syncStandby = null;
    scene.round();

    SwitchoverOutcome outcome = scene.engine.requestSwitchover("node-b");

    assertThat(outcome).isEqualTo(new SwitchoverOutcome.Rejected(
        "node-b is not the synchronous standby; it could miss acknowledged writes"));
    assertThat(scene.engine.activeNode()).isEqualTo("node-a");
  }

  @Test
  void manualSwitchoverToAnUnknownNodeIsRejected() {
    assertThat(scene.engine.requestSwitchover("node-z"))
        .isInstanceOf(SwitchoverOutcome.Rejected.class);
  }

  @Test
  void switchoverCooldownComesFromTheRules() {
    assertThat(HealthRules.seedDefaults().switchoverCooldown()).isEqualTo(Duration.ofSeconds(30));
  }
}
