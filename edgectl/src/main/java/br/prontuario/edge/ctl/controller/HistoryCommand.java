package br.prontuario.edge.ctl.controller;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code edgectl history}: the controller's decisions, oldest first, with reasons and timings. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists the failover controller's recorded decisions with their reasons and timings.")
public final class HistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--limit", defaultValue = "20", description = "how many of the newest decisions (1-1000)")
  int limit;

  @Option(names = "--json", description = "print the decisions as a JSON array")
  boolean json;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 1000) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1-1000");
    }
    JsonNode events = ControllerClient.forCluster(dir).get("api/v1/history?limit=" + limit);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ControllerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(events));
    } else if (events.isEmpty()) {
      out.println("no decisions recorded yet");
    } else {
      events.forEach(e -> out.println(line(e)));
    }
    out.flush();
    return 0;
  }

  /** One decision on one line: when, what moved, what was done and why. */
  static String line(JsonNode e) {
    List<String> parts = new ArrayList<>();
    parts.add("#" + e.path("sequence").asLong() + " " + e.path("decidedAt").asString() + " "
        + e.path("trigger").asString() + " " + e.path("from").asString() + " -> " + e.path("to").asString()
        + " active=" + e.path("activeNode").asString("none"));
    List<String> results = new ArrayList<>();
    e.path("results").forEach(r -> results.add(r.asString()));
    if (!results.isEmpty()) {
      parts.add("did: " + String.join("; ", results));
    }
    List<String> reasons = new ArrayList<>();
    e.path("reasons").forEach(r -> reasons.add(r.asString()));
    parts.add("because: " + String.join("; ", reasons));
    if (!e.path("detectionMillis").isNull() && !e.path("detectionMillis").isMissingNode()) {
      parts.add("detected in " + e.path("detectionMillis").asLong() + " ms");
    }
    parts.add("acted in " + e.path("actionMillis").asLong() + " ms");
    return String.join(" | ", parts);
  }
}
