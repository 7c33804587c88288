package br.prontuario.edge.controller.decision;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The controller's current state, held in one place; moves are checked against the diagram. */
public final class StateMachine {

  private final AtomicReference<ControllerState> current;

  public StateMachine(ControllerState initial) {
    this.current = new AtomicReference<>(initial);
  }

  public ControllerState current() {
    return current.get();
  }

  /** Moves to {@code target}; empty if already there, throws if the move is not allowed. */
  public Optional<StateTransition> moveTo(ControllerState target) {
    ControllerState from = current.get();
    if (from == target) {
      return Optional.empty();
    }
    StateTransition transition = StateTransition.between(from, target);
    if (!current.compareAndSet(from, target)) {
      throw new IllegalStateException("controller state changed concurrently from " + from);
    }
    return Optional.of(transition);
  }
}
