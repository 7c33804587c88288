package br.prontuario.edge.site.activation;

/** How {@link CloudActivation#activate} ended. */
public sealed interface ActivationOutcome {

  /** Promoted (and routed, if asked); the fork point is recorded in the cloud folder. */
  record Activated(ForkPoint fork) implements ActivationOutcome {}

  /** The cloud Patroni refused or did not promote in time: nothing was routed or recorded. */
  record NotPromoted(String detail) implements ActivationOutcome {}
}
