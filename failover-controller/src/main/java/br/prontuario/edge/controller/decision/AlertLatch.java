package br.prontuario.edge.controller.decision;

import java.util.HashSet;
import java.util.Set;

/** Raises an alert once when a condition appears, again only after it has cleared. */
final class AlertLatch {

  private Set<String> previous = new HashSet<>();
  private final Set<String> current = new HashSet<>();

  /** True the first round a condition holds. */
  boolean raise(String condition) {
    current.add(condition);
    return !previous.contains(condition);
  }

  /** Ends a round: conditions not raised in it are cleared. */
  void endRound() {
    previous = new HashSet<>(current);
    current.clear();
  }
}
