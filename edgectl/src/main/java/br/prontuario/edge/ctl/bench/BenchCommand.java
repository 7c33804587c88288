package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.ctl.lab.BenchLabCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgectl bench}: measurements that need a running cluster (results go to docs/benchmarks.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    subcommands = {BenchApiCommand.class, AppSaveBenchCommand.class, BenchLabCommand.class, BenchCloudCommand.class},
    description = "Benchmarks against a running local cluster; figures go to docs/benchmarks.md.")
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "name a benchmark: api, cloud, app-save, lab");
  }
}
