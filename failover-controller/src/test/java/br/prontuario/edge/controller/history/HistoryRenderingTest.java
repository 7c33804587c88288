package br.prontuario.edge.controller.history;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ActionOutcome;
import br.prontuario.edge.controller.decision.ActionResult;
import br.prontuario.edge.controller.decision.Execution;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The history's results keep the wording that edgectl and the drill read. */
class HistoryRenderingTest {

  @Test
  void rendersEachOutcomeAfterItsAction() {
    Execution acted = new Execution.Acted(List.of(
        new ActionResult(new Action.DeactivateCloud("node-a"), new ActionOutcome.Failed("merge refused")),
        new ActionResult(new Action.RouteTo("node-a"), new ActionOutcome.Skipped("the cloud's writes are not on the edge yet")),
        new ActionResult(new Action.Switchover("node-a", "node-b"), new ActionOutcome.Done("200 Successfully switched over")),
        new ActionResult(new Action.Alert("critical", "node-a failed"), new ActionOutcome.Raised())));

    assertThat(HistoryRecorder.render(acted)).containsExactly(
        "DeactivateCloud -> node-a: failed: merge refused",
        "RouteTo node-a: skipped: the cloud's writes are not on the edge yet",
        "Switchover node-a -> node-b: done: 200 Successfully switched over",
        "Alert critical: node-a failed: raised");
    assertThat(acted.failed()).isTrue();
  }

  @Test
  void recordsEachOutcomeAsTypedJsonThatReadsBackAsTheSameType() {
    Execution acted = new Execution.Acted(List.of(
        new ActionResult(new Action.Switchover("node-a", "node-b"), new ActionOutcome.Done("200 switched")),
        new ActionResult(new Action.RouteTo("node-b"), new ActionOutcome.Failed("no such server")),
        new ActionResult(new Action.Alert("critical", "node-a failed"), new ActionOutcome.Raised())));
    JsonMapper json = JsonMapper.builder().build();

    String written = json.writeValueAsString(HistoryRecorder.entries(acted));

    assertThat(json.readTree(written).get(1).toString()).isEqualTo(
        "{\"action\":\"RouteTo node-b\",\"outcome\":{\"type\":\"failed\",\"detail\":\"no such server\"}}");
    assertThat(json.readValue(written, ActionEntry[].class)).extracting(ActionEntry::outcome)
        .containsExactly(new ActionOutcome.Done("200 switched"), new ActionOutcome.Failed("no such server"),
            new ActionOutcome.Raised());
    assertThat(HistoryRecorder.entries(new Execution.ObservedOnly("controller-2"))).isEmpty();
  }

  @Test
  void rendersAnObservingReplicaAndMaintenance() {
    assertThat(HistoryRecorder.render(new Execution.ObservedOnly("controller-2")))
        .containsExactly("observed only: controller-2 is not the acting controller");
    assertThat(HistoryRecorder.render(new Execution.MaintenanceSet(false))).containsExactly("maintenance off");
    assertThat(new Execution.ObservedOnly("controller-2").failed()).isFalse();
  }
}
