package br.prontuario.edge.controller.decision;

/** The answer to an operator's switchover request: expected refusals are values, not exceptions. */
public sealed interface SwitchoverOutcome {

  record Accepted(Decision decision) implements SwitchoverOutcome {}

  record Rejected(String reason) implements SwitchoverOutcome {}
}
