package br.prontuario.edge.ctl.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgectl bench}: benchmarks run by command (docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchApiCommand.class,
    description = "Benchmarks against a running cluster; figures go to docs/benchmarks.md.")
public final class BenchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: api");
  }
}
