package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.history.HistoryEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionFilterTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static HistoryEvent event(long seq, String from, String to, String active, List<String> actions,
      List<String> reasons, int minute) {
    Instant at = T0.plusSeconds(60L * minute);
    return new HistoryEvent(seq, "controller-1", "probe", from, to, active, actions, List.of(), List.of(), reasons, null, at, at,
        null, 0);
  }

  private final List<HistoryEvent> history = List.of(
      event(1, "NORMAL", "DEGRADED", "node-a", List.of(), List.of("node-b DOWN (app failures 3)"), 0),
      event(2, "DEGRADED", "NORMAL", "node-a", List.of(), List.of("node-b back"), 5),
      event(3, "NORMAL", "FAILOVER", "node-b", List.of("RouteTo node-b"), List.of("node-a DOWN"), 10),
      event(4, "FAILOVER", "NORMAL", "node-b", List.of(), List.of("node-ab is a made-up name"), 20));

  private static List<Long> sequences(List<HistoryEvent> events) {
    return events.stream().map(HistoryEvent::sequence).toList();
  }

  @Test
  void noFilterListsEverythingNewestFirstUpToTheLimit() {
    assertThat(sequences(new DecisionFilter(null, "", null, null).apply(history, 3))).containsExactly(4L, 3L, 2L);
  }

  @Test
  void aNodeMatchesTheActiveNodeOrAWholeNameInWhatWasDoneOrWhy() {
    assertThat(sequences(new DecisionFilter("node-b", null, null, null).apply(history, 10)))
        .containsExactly(4L, 3L, 2L, 1L);
    assertThat(sequences(new DecisionFilter("node-a", null, null, null).apply(history, 10)))
        .containsExactly(3L, 2L, 1L);
  }

  @Test
  void aStateMatchesWhereTheDecisionCameFromOrWentTo() {
    assertThat(sequences(new DecisionFilter(null, "FAILOVER", null, null).apply(history, 10))).containsExactly(4L, 3L);
  }

  @Test
  void theTimeWindowIncludesBothEnds() {
    assertThat(sequences(new DecisionFilter(null, null, T0.plusSeconds(300), T0.plusSeconds(600)).apply(history, 10)))
        .containsExactly(3L, 2L);
  }
}
