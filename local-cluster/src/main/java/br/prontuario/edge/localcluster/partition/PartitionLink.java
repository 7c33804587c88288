package br.prontuario.edge.localcluster.partition;

import br.prontuario.edge.localcluster.config.NodeName;

/** A cut link between two nodes: no TCP traffic in either direction. Stored in node order. */
public record PartitionLink(NodeName first, NodeName second) {

  public PartitionLink {
    if (first == second) {
      throw new IllegalArgumentException("a node cannot be cut from itself: " + first);
    }
    if (first.ordinal() > second.ordinal()) {
      NodeName swap = first;
      first = second;
      second = swap;
    }
  }

  public boolean touches(NodeName node) {
    return first == node || second == node;
  }

  @Override
  public String toString() {
    return first.id() + " <-/-> " + second.id();
  }
}
