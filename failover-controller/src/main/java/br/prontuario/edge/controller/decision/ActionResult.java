package br.prontuario.edge.controller.decision;

/** One action of a decision and how carrying it out went. */
public record ActionResult(Action action, ActionOutcome outcome) {

  public boolean failed() {
    return outcome instanceof ActionOutcome.Failed;
  }
}
