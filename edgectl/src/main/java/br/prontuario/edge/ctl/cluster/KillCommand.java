package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import picocli.CommandLine.Command;

/** {@code edgectl kill NODE}: SIGKILL every process of the node (a power cut). */
@Command(name = "kill", mixinStandardHelpOptions = true,
    description = "SIGKILL every process of a node, PostgreSQL included (a power cut).")
public final class KillCommand extends NodeFaultCommand {

  @Override
  void act(EdgeCluster cluster, NodeName node) {
    cluster.kill(node);
  }

  @Override
  String done(NodeName node) {
    return "killed every process of " + node + "; bring it back with: bin/edgectl start " + node
        + options.dirHint();
  }
}
