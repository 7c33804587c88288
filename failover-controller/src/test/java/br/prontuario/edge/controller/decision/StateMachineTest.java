package br.prontuario.edge.controller.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateMachineTest {

  @Test
  void movesAlongAnAllowedTransition() {
    StateMachine machine = new StateMachine(ControllerState.NORMAL);

    assertThat(machine.moveTo(ControllerState.FAILOVER)).contains(StateTransition.NORMAL_TO_FAILOVER);
    assertThat(machine.current()).isEqualTo(ControllerState.FAILOVER);
  }

  @Test
  void stayingPutIsNoTransition() {
    StateMachine machine = new StateMachine(ControllerState.DEGRADED);

    assertThat(machine.moveTo(ControllerState.DEGRADED)).isEmpty();
  }

  @Test
  void illegalTransitionThrowsAndKeepsTheState() {
    StateMachine machine = new StateMachine(ControllerState.FAILOVER);

    assertThatThrownBy(() -> machine.moveTo(ControllerState.NORMAL))
        .isInstanceOf(IllegalStateTransitionException.class)
        .hasMessage("illegal controller transition FAILOVER -> NORMAL");
    assertThat(machine.current()).isEqualTo(ControllerState.FAILOVER);
  }

  @Test
  void everyStateCanReachTheCloudExceptTheCloudItself() {
    for (ControllerState state : ControllerState.values()) {
      assertThat(StateTransition.allowed(state, ControllerState.EMERGENCY_CLOUD))
          .isEqualTo(state != ControllerState.EMERGENCY_CLOUD);
    }
  }
}
