package br.prontuario.edge.ctl.controller;

import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The controller's planned switchover, for commands that move the active role as one step. */
public final class ControllerSwitchover {

  private ControllerSwitchover() {}

  /** Returns when the controller reports it done; throws {@link IllegalStateException} when not. */
  public static void to(Path dir, String node) {
    JsonNode event = ControllerClient.forCluster(dir).post("api/v1/switchover", Map.of("to", node));
    if (SwitchoverCommand.anyFailed(event)) {
      throw new IllegalStateException("switchover to " + node + " incomplete: "
          + HistoryCommand.line(event));
    }
  }
}
