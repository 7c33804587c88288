package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import picocli.CommandLine.Command;

/** {@code edgectl thaw NODE}: SIGCONT every process of a frozen node. */
@Command(name = "thaw", mixinStandardHelpOptions = true,
    description = "SIGCONT every process of a frozen node.")
public final class ThawCommand extends NodeFaultCommand {

  @Override
  void act(EdgeCluster cluster, NodeName node) {
    cluster.thaw(node);
  }

  @Override
  String done(NodeName node) {
    return "thawed " + node;
  }
}
