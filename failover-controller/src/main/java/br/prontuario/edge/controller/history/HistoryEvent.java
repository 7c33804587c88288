package br.prontuario.edge.controller.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One entry of the decision history: what was decided, why, what was done and how long each phase
 * took (detection: first failed probe → decision; action: decision → last action completed).
 *
 * @param results one line per action, for people ("RouteTo node-b: done: node-b ready")
 * @param outcomes the same, typed: what clients decide on (empty when nothing was carried out;
 *     also in entries written before this field existed)
 * @param detectedAt first failed probe behind this decision, null when nothing failed
 */
public record HistoryEvent(
    long sequence,
    String controller,
    String trigger,
    String from,
    String to,
    String activeNode,
    List<String> actions,
    List<String> results,
    List<ActionEntry> outcomes,
    List<String> reasons,
    Instant detectedAt,
    Instant decidedAt,
    Instant completedAt,
    Long detectionMillis,
    long actionMillis) {

  public HistoryEvent {
    actions = List.copyOf(actions);
    results = List.copyOf(results);
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    reasons = List.copyOf(reasons);
  }

  static Long between(Instant start, Instant end) {
    return start == null ? null : Duration.between(start, end).toMillis();
  }
}
