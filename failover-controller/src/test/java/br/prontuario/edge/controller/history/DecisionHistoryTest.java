package br.prontuario.edge.controller.history;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ActionOutcome;
import br.prontuario.edge.controller.decision.ActionResult;
import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.Decision;
import br.prontuario.edge.controller.decision.Execution;
import br.prontuario.edge.controller.decision.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DecisionHistoryTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  @Test
  void recordsAFailoverWithItsReasonsAndTimings() {
    DecisionHistory history = new DecisionHistory(dir.resolve("decisions.jsonl"), JsonMapper.builder().build());
    HistoryRecorder recorder = new HistoryRecorder(history, meters, clock, "controller-1");
    Instant detected = clock.instant();
    clock.advance(Duration.ofSeconds(10));
    Decision failover = new Decision(clock.instant(), "probe", ControllerState.NORMAL, ControllerState.FAILOVER,
        "node-b", List.of(new Action.RouteTo("node-b")), List.of("node-a DOWN"), Optional.of(detected));
    clock.advance(Duration.ofMillis(250));

    HistoryEvent event = recorder.record(failover, new Execution.Acted(List.of(
        new ActionResult(new Action.RouteTo("node-b"), new ActionOutcome.Done("node-b ready")))));

    assertThat(event.sequence()).isEqualTo(1);
    assertThat(event.detectionMillis()).isEqualTo(10_000);
    assertThat(event.actionMillis()).isEqualTo(250);
    assertThat(event.actions()).containsExactly("RouteTo node-b");
    assertThat(meters.counter("controller.decisions", "trigger", "probe", "to", "FAILOVER").count()).isEqualTo(1);
  }

  @Test
  void survivesARestartAndContinuesTheSequence() {
    Path file = dir.resolve("decisions.jsonl");
    HistoryRecorder first = new HistoryRecorder(new DecisionHistory(file, JsonMapper.builder().build()),
        meters, clock, "controller-1");
    first.record(decision("node-a"), new Execution.Acted(List.of()));
    first.record(decision("node-b"), new Execution.Acted(List.of()));

    DecisionHistory reopened = new DecisionHistory(file, JsonMapper.builder().build());
    new HistoryRecorder(reopened, meters, clock, "controller-1").record(decision("node-a"), new Execution.Acted(List.of()));

    assertThat(reopened.recent(10)).extracting(HistoryEvent::sequence).containsExactly(1L, 2L, 3L);
    assertThat(reopened.last()).get().extracting(HistoryEvent::activeNode).isEqualTo("node-a");
  }

  @Test
  void readsEntriesWrittenBeforeOutcomesWereRecorded() throws IOException {
    Path file = dir.resolve("decisions.jsonl");
    Files.writeString(file, "{\"sequence\":1,\"controller\":\"c\",\"trigger\":\"manual\",\"from\":\"NORMAL\","
        + "\"to\":\"NORMAL\",\"activeNode\":\"node-a\",\"actions\":[],\"results\":[\"RouteTo node-a: done: ok\"],"
        + "\"reasons\":[],\"decidedAt\":\"2026-11-25T03:00:00Z\",\"completedAt\":\"2026-11-25T03:00:00Z\","
        + "\"actionMillis\":0}\n");

    assertThat(new DecisionHistory(file, JsonMapper.builder().build()).last()).get()
        .extracting(HistoryEvent::outcomes).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
  }

  @Test
  void skipsATornLastLineInsteadOfFailing() throws IOException {
    Path file = dir.resolve("decisions.jsonl");
    DecisionHistory history = new DecisionHistory(file, JsonMapper.builder().build());
    new HistoryRecorder(history, meters, clock, "c").record(decision("node-a"), new Execution.Acted(List.of()));
    Files.writeString(file, "{\"sequence\":2,\"contr", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertThat(new DecisionHistory(file, JsonMapper.builder().build()).recent(10)).hasSize(1);
  }

  private Decision decision(String active) {
    return new Decision(clock.instant(), "manual", ControllerState.NORMAL, ControllerState.NORMAL, active,
        List.of(new Action.RouteTo(active)), List.of("operator"), Optional.empty());
  }
}
