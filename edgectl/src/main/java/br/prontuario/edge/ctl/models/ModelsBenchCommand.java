package br.prontuario.edge.ctl.models;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgectl models bench}: accuracy and speed of a pinned model on real data. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchDictationCommand.class,
    description = "Measures a pinned model on real data with known answers.")
public final class ModelsBenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a model; see edgectl models bench --help");
  }
}
