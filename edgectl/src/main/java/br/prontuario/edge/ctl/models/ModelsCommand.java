package br.prontuario.edge.ctl.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgectl models}: the local AI models of the nodes. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = {ModelsInstallCommand.class, ModelsAddCommand.class, ModelsVerifyCommand.class, ModelsBenchCommand.class},
    description = "Installs, pins, checks and benchmarks the local AI models (face, retrieval, dictation, chat) of the nodes.")
public final class ModelsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see edgectl models --help");
  }
}
