package br.prontuario.edge.ctl.controller;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgectl controller ...}: the failover controller's status and operator actions. */
@Command(name = "controller", mixinStandardHelpOptions = true,
    description = "Talks to the failover controller (status, history, switchover, maintenance).",
    subcommands = {ControllerStatusCommand.class, HistoryCommand.class, SwitchoverCommand.class,
        MaintenanceCommand.class})
public final class ControllerCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "name a controller command: status, history, switchover, maintenance");
  }
}
