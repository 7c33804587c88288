package br.prontuario.edge.ctl.cluster;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgectl down}: stops every process of the cluster; the data stays for the next up. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop every process of the local cluster (data is kept for the next up).")
public final class DownCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Override
  public Integer call() {
    options.existingCluster().stop();
    spec.commandLine().getOut().println("stopped the cluster in " + options.stateDir());
    return 0;
  }
}
