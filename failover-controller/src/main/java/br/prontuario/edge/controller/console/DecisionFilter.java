package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The timeline's filters over the decision history: a node (the active node it chose, or named in
 * what was done or why), a state (moved from or to), a time window on the decision time.
 * Blank or null means "any".
 */
record DecisionFilter(String node, String state, Instant since, Instant until) implements Predicate<HistoryEvent> {

  @Override
  public boolean test(HistoryEvent e) {
    return matchesNode(e) && matchesState(e)
        && (since == null || !e.decidedAt().isBefore(since))
        && (until == null || !e.decidedAt().isAfter(until));
  }

  private boolean matchesNode(HistoryEvent e) {
    if (node == null || node.isBlank()) {
      return true;
    }
    return node.equals(e.activeNode())
        || Stream.of(e.actions(), e.reasons()).flatMap(List::stream).anyMatch(this::namesNode);
  }

  /** "node-a" in "RouteTo node-a", not in "node-ab". */
  private boolean namesNode(String text) {
    return text.matches("(?s).*(^|[^A-Za-z0-9-])" + java.util.regex.Pattern.quote(node) + "($|[^A-Za-z0-9-]).*");
  }

  private boolean matchesState(HistoryEvent e) {
    return state == null || state.isBlank() || state.equals(e.from()) || state.equals(e.to());
  }

  /** Newest first, at most {@code limit}. */
  List<HistoryEvent> apply(List<HistoryEvent> oldestFirst, int limit) {
    List<HistoryEvent> newestFirst = new java.util.ArrayList<>(oldestFirst);
    java.util.Collections.reverse(newestFirst);
    return newestFirst.stream().filter(this).limit(limit).toList();
  }
}
