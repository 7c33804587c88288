package br.prontuario.edge.ctl.cluster;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgectl heal}: restore every link {@code edgectl partition} cut. */
@Command(name = "heal", mixinStandardHelpOptions = true,
    description = "Restore every network link between the local cluster's nodes.")
public final class HealCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Override
  public Integer call() {
    var partitions = options.existingCluster().partitions();
    int cut = partitions.active().size();
    partitions.heal();
    spec.commandLine().getOut().println(cut == 0 ? "no link was cut" : "restored " + cut
        + (cut == 1 ? " link" : " links"));
    return 0;
  }
}
