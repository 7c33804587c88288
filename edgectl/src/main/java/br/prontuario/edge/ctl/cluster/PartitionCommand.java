package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.partition.PartitionLink;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgectl partition NODE [--from OTHER]}: cut a node's network links, as a failed switch would. */
@Command(name = "partition", mixinStandardHelpOptions = true,
    description = "Drop all traffic between a node and the other nodes (or one of them) of the local"
        + " cluster; clients outside the nodes still reach it. Undo with: edgectl heal.")
public final class PartitionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Parameters(index = "0", paramLabel = "NODE", description = "node-a, node-b or witness")
  String node;

  @Option(names = "--from", paramLabel = "OTHER",
      description = "cut only the link to this node (default: every other node)")
  String from;

  @Override
  public Integer call() {
    NodeName target = NodeName.parse(node);
    Optional<NodeName> other = Optional.ofNullable(from).map(NodeName::parse);
    if (other.filter(o -> o == target).isPresent()) {
      throw new ParameterException(spec.commandLine(), "a node cannot be cut from itself: " + target);
    }
    List<PartitionLink> links = options.existingCluster().partitions().cut(target, other);
    var out = spec.commandLine().getOut();
    for (PartitionLink link : links) {
      out.println("cut " + link.first() + " <-/-> " + link.second());
    }
    out.println("restore with: bin/edgectl heal" + options.dirHint());
    return 0;
  }
}
