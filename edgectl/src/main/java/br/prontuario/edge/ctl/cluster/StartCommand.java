package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import picocli.CommandLine.Command;

/**
 * {@code edgectl start NODE}: starts the node's processes that are not running. A former leader
 * comes back as a replica: Patroni rewinds it if its timeline diverged.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
    description = "Start the processes of a node that are not running (after kill); "
        + "a former leader rejoins as a replica.")
public final class StartCommand extends NodeFaultCommand {

  @Override
  void act(EdgeCluster cluster, NodeName node) {
    cluster.start(node);
  }

  @Override
  String done(NodeName node) {
    return "started " + node + "; watch it rejoin with: bin/edgectl status" + options.dirHint();
  }
}
