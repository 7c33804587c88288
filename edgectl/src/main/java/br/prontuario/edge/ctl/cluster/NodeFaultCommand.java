package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The shape of kill / freeze / thaw / start: one node name, one action on all its processes. */
abstract class NodeFaultCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Parameters(index = "0", paramLabel = "NODE", description = "node-a, node-b or witness")
  String node;

  @Override
  public final Integer call() {
    NodeName target = NodeName.parse(node);
    EdgeCluster cluster = options.existingCluster();
    act(cluster, target);
    spec.commandLine().getOut().println(done(target));
    return 0;
  }

  abstract void act(EdgeCluster cluster, NodeName node);

  abstract String done(NodeName node);
}
