package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import picocli.CommandLine.Command;

/** {@code edgectl freeze NODE}: SIGSTOP every process of the node (a hung machine). */
@Command(name = "freeze", mixinStandardHelpOptions = true,
    description = "SIGSTOP every process of a node (a hung machine that keeps its sockets open).")
public final class FreezeCommand extends NodeFaultCommand {

  @Override
  void act(EdgeCluster cluster, NodeName node) {
    cluster.freeze(node);
  }

  @Override
  String done(NodeName node) {
    return "froze " + node + "; resume it with: bin/edgectl thaw " + node + options.dirHint();
  }
}
