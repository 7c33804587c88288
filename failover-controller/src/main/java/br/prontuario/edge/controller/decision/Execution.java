package br.prontuario.edge.controller.decision;

import java.util.List;

/** What became of a decision: carried out by this replica, only observed, or an operator's toggle. */
public sealed interface Execution {

  /** Whether anything this replica tried failed (the loop then backs off before reconciling). */
  default boolean failed() {
    return false;
  }

  /** This replica acts: each action with its outcome, in order. */
  record Acted(List<ActionResult> results) implements Execution {

    public Acted {
      results = List.copyOf(results);
    }

    @Override
    public boolean failed() {
      return results.stream().anyMatch(ActionResult::failed);
    }
  }

  /** Another replica holds the lease: this one records what it would have done. */
  record ObservedOnly(String controller) implements Execution {}

  /** An operator turned maintenance mode on or off; nothing was carried out. */
  record MaintenanceSet(boolean on) implements Execution {}
}
