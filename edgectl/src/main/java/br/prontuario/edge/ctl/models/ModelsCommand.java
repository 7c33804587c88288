package br.prontuario.edge.ctl.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgectl models}: the local AI models of the nodes. */
@Command(name = "models", mixinStandardHelpOptions = true, subcommands = ModelsVerifyCommand.class,
    description = "Checks the local AI models (chat, dictation, face) of the nodes.")
public final class ModelsCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see edgectl models --help");
  }
}
