package br.prontuario.edge.controller.decision;

import static br.prontuario.edge.controller.decision.ControllerState.DEGRADED;
import static br.prontuario.edge.controller.decision.ControllerState.EMERGENCY_CLOUD;
import static br.prontuario.edge.controller.decision.ControllerState.FAILBACK;
import static br.prontuario.edge.controller.decision.ControllerState.FAILOVER;
import static br.prontuario.edge.controller.decision.ControllerState.NORMAL;

import java.util.Arrays;

/** Every move the controller may make; anything else is a bug and throws. */
public enum StateTransition {
  NORMAL_TO_DEGRADED(NORMAL, DEGRADED),
  NORMAL_TO_FAILOVER(NORMAL, FAILOVER),
  NORMAL_TO_EMERGENCY_CLOUD(NORMAL, EMERGENCY_CLOUD),
  DEGRADED_TO_NORMAL(DEGRADED, NORMAL),
  DEGRADED_TO_FAILOVER(DEGRADED, FAILOVER),
  DEGRADED_TO_EMERGENCY_CLOUD(DEGRADED, EMERGENCY_CLOUD),
  FAILOVER_TO_FAILBACK(FAILOVER, FAILBACK),
  FAILOVER_TO_EMERGENCY_CLOUD(FAILOVER, EMERGENCY_CLOUD),
  EMERGENCY_CLOUD_TO_FAILBACK(EMERGENCY_CLOUD, FAILBACK),
  FAILBACK_TO_NORMAL(FAILBACK, NORMAL),
  FAILBACK_TO_DEGRADED(FAILBACK, DEGRADED),
  FAILBACK_TO_FAILOVER(FAILBACK, FAILOVER),
  FAILBACK_TO_EMERGENCY_CLOUD(FAILBACK, EMERGENCY_CLOUD);

  private final ControllerState from;
  private final ControllerState to;

  StateTransition(ControllerState from, ControllerState to) {
    this.from = from;
    this.to = to;
  }

  public ControllerState from() {
    return from;
  }

  public ControllerState to() {
    return to;
  }

  public static StateTransition between(ControllerState from, ControllerState to) {
    return Arrays.stream(values())
        .filter(t -> t.from == from && t.to == to)
        .findFirst()
        .orElseThrow(() -> new IllegalStateTransitionException(from, to));
  }

  public static boolean allowed(ControllerState from, ControllerState to) {
    return Arrays.stream(values()).anyMatch(t -> t.from == from && t.to == to);
  }
}
