package br.prontuario.edge.site.activation;

import java.util.Optional;

/** How {@link CloudActivation#activate} ended. */
public sealed interface ActivationOutcome {

  /**
   * Promoted and routed (unless there was no routing step).
   *
   * @param fork the recorded fork point; empty for the controller, which cannot reach the cloud
   *     database (failback records it then)
   * @param routing what the routing step did
   * @param servedBeforeRouting false = routed although the cloud did not serve within the patience
   */
  record Activated(Optional<ForkPoint> fork, CloudRouting routing, boolean servedBeforeRouting)
      implements ActivationOutcome {}

  /** The promotion was refused, or (where that stops it) the cloud did not serve in time: nothing was routed or recorded. */
  record NotPromoted(String detail) implements ActivationOutcome {}

  /** Promoted, but the routing step refused: clinicians do not reach the cloud; no fork point recorded. */
  record NotRouted(CloudRouting.Refused routing, boolean servedBeforeRouting)
      implements ActivationOutcome {}
}
