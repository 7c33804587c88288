package br.prontuario.edge.controller.decision;

/** A move the state diagram does not allow: a bug in the decision rules, never an operator error. */
public final class IllegalStateTransitionException extends IllegalStateException {

  IllegalStateTransitionException(ControllerState from, ControllerState to) {
    super("illegal controller transition " + from + " -> " + to);
  }
}
