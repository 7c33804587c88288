package br.prontuario.edge.ctl.cloud;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgectl cloud ...}: the emergency cloud site. */
@Command(name = "cloud", mixinStandardHelpOptions = true,
    description = "The emergency cloud site (standby of the edge database + cloud-fallback).",
    subcommands = {CloudActivateCommand.class})
public final class CloudCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a cloud command: activate");
  }
}
