package br.prontuario.edge.ctl.controller;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgectl maintenance on|off}: pauses (or resumes) the controller's automatic decisions. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
    description = "Pauses (on) or resumes (off) the controller's automatic decisions for planned work.")
public final class MaintenanceCommand implements Callable<Integer> {

  enum Mode { on, off }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "on|off", description = "on or off")
  Mode mode;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    var status = ControllerClient.forCluster(dir).put("api/v1/maintenance", Map.of("enabled", mode == Mode.on));
    spec.commandLine().getOut().println("maintenance " + (status.path("maintenance").asBoolean()
        ? "on: automatic decisions paused; manual switchover still works" : "off: automatic decisions resumed")
        + " (state " + status.path("state").asString() + ", active " + status.path("activeNode").asString("none") + ")");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
