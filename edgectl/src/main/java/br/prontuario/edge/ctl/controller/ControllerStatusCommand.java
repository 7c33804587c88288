package br.prontuario.edge.ctl.controller;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code edgectl controller status [--json]}: state, active node, metrics URL, last decision. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Shows the failover controller's state, active node and last decision.")
public final class ControllerStatusCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--json", description = "print the status as JSON")
  boolean json;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    JsonNode status = ControllerClient.forCluster(dir).get("api/v1/status");
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ControllerClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(status));
    } else {
      print(status, out);
    }
    out.flush();
    return 0;
  }

  private static void print(JsonNode s, PrintWriter out) {
    out.printf("state         %s%s%n", s.path("state").asString(), s.path("maintenance").asBoolean()
        ? " (maintenance mode: automatic decisions paused)" : "");
    out.printf("active node   %s%n", s.path("activeNode").asString("none"));
    out.printf("controller    %s (%s; leader %s)%n", s.path("controller").asString(),
        s.path("acting").asBoolean() ? "acting" : "observing", s.path("leader").asString("unknown"));
    out.printf("cloud         %s%n", s.path("cloudActive").asBoolean() ? "ACTIVE" : "inactive");
    out.printf("metrics       %s%n", s.path("metricsUrl").asString());
    for (JsonNode n : s.path("nodes")) {
      out.printf("node          %-8s %-8s %-14s db %-13s redis %-8s app failures %d, patroni failures %d%n",
          n.path("name").asString(), n.path("role").asString(), n.path("status").asString(),
          n.path("db").asString(), n.path("redis").asString(), n.path("appFailures").asInt(),
          n.path("patroniFailures").asInt());
    }
    JsonNode last = s.path("lastDecision");
    out.printf("last decision %s%n", last.isMissingNode() || last.isNull() ? "none yet" : HistoryCommand.line(last));
  }
}
