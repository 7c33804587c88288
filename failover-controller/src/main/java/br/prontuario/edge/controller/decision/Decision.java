package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the controller decided at one moment, and why.
 *
 * @param trigger probe | manual | maintenance
 * @param detectedAt when the failure that led here was first observed (empty if none)
 */
public record Decision(
    Instant at,
    String trigger,
    ControllerState from,
    ControllerState to,
    String activeNode,
    List<Action> actions,
    List<String> reasons,
    Optional<Instant> detectedAt) {

  public Decision {
    actions = List.copyOf(actions);
    reasons = List.copyOf(reasons);
  }

  /** Worth recording: the state moved or something is to be done. */
  public boolean isEventful() {
    return from != to || !actions.isEmpty();
  }

  public boolean isFailover() {
    return from != ControllerState.FAILOVER && to == ControllerState.FAILOVER;
  }
}
