package br.prontuario.edge.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.Decision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CloudActivationWithoutLeaseTest {

  private static Decision decision(ControllerState to, Action... actions) {
    return new Decision(Instant.parse("2026-11-25T03:00:00Z"), "probe", ControllerState.DEGRADED,
        to, "node-a", List.of(actions), List.of("test"), Optional.empty());
  }

  @Test
  void activatingTheCloudWhenBothNodesAreDownNeedsNoLease() {
    assertThat(ControlLoop.isCloudActivationOnly(decision(ControllerState.EMERGENCY_CLOUD,
        new Action.ActivateCloud(), new Action.Alert("critical", "both nodes down")))).isTrue();
  }

  @Test
  void routingOrSwitchingOverAlwaysNeedsTheLease() {
    assertThat(ControlLoop.isCloudActivationOnly(decision(ControllerState.FAILOVER,
        new Action.RouteTo("node-b")))).isFalse();
    assertThat(ControlLoop.isCloudActivationOnly(decision(ControllerState.EMERGENCY_CLOUD,
        new Action.ActivateCloud(), new Action.Switchover("node-a", "node-b")))).isFalse();
  }
}
