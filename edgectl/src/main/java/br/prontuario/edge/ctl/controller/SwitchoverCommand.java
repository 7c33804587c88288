package br.prontuario.edge.ctl.controller;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code edgectl switchover --to NODE}: planned move of the active role (and the leader). */
@Command(name = "switchover", mixinStandardHelpOptions = true,
    description = {"Moves the active role (and the PostgreSQL leader) to NODE.",
        "The controller refuses unless NODE is healthy and the synchronous standby."})
public final class SwitchoverCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--to", required = true, paramLabel = "NODE", description = "node-a or node-b")
  String to;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    JsonNode event = ControllerClient.forCluster(dir).post("api/v1/switchover", Map.of("to", to));
    boolean failed = anyFailed(event);
    var out = failed ? spec.commandLine().getErr() : spec.commandLine().getOut();
    out.println((failed ? "edgectl: switchover to " + to + " incomplete: " : "switched over to " + to + ": ")
        + HistoryCommand.line(event));
    out.flush();
    return failed ? 1 : 0;
  }

  /** Whether an action of the decision failed: its typed {@code outcomes[].outcome.type}. */
  static boolean anyFailed(JsonNode event) {
    for (JsonNode entry : event.path("outcomes")) {
      if ("failed".equals(entry.path("outcome").path("type").asString(""))) {
        return true;
      }
    }
    return false;
  }
}
