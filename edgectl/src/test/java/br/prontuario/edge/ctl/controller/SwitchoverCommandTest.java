package br.prontuario.edge.ctl.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** edgectl decides on the controller's typed outcomes, not on the wording of its history lines. */
class SwitchoverCommandTest {

  @Test
  void aFailedActionMakesTheSwitchoverIncomplete() {
    JsonNode event = json("""
        {"results": ["Switchover node-a -> node-b: done: 200", "RouteTo node-b: failed: no such server"],
         "outcomes": [
           {"action": "Switchover node-a -> node-b", "outcome": {"type": "done", "detail": "200"}},
           {"action": "RouteTo node-b", "outcome": {"type": "failed", "detail": "no such server"}}]}
        """);

    assertThat(SwitchoverCommand.anyFailed(event)).isTrue();
  }

  @Test
  void aDetailThatMentionsFailureIsNotAFailure() {
    JsonNode event = json("""
        {"results": ["RouteTo node-b: done: node-a: failed checks, now maint"],
         "outcomes": [{"action": "RouteTo node-b",
                       "outcome": {"type": "done", "detail": "node-a: failed checks, now maint"}}]}
        """);

    assertThat(SwitchoverCommand.anyFailed(event)).isFalse();
  }

  private static JsonNode json(String text) {
    return JsonMapper.shared().readTree(text);
  }
}
