package br.prontuario.edge.localcluster.config;

import java.util.Arrays;
import java.util.Optional;

/** The three hosts of the topology: the two Mac Studios and the small witness host. */
public enum NodeName {
  NODE_A("node-a", true),
  NODE_B("node-b", true),
  WITNESS("witness", false);

  private final String id;
  private final boolean dataNode;

  NodeName(String id, boolean dataNode) {
    this.id = id;
    this.dataNode = dataNode;
  }

  public String id() {
    return id;
  }

  /** Runs PostgreSQL, Redis and an edge-node (the witness runs only etcd, Sentinel, Kafka, HAProxy). */
  public boolean isDataNode() {
    return dataNode;
  }

  /** The other data node: the standby of the active one, the survivor of a failover. */
  public NodeName peer() {
    return switch (this) {
      case NODE_A -> NODE_B;
      case NODE_B -> NODE_A;
      default -> throw new IllegalStateException(id + " is not a data node");
    };
  }

  public static Optional<NodeName> find(String id) {
    return Arrays.stream(values()).filter(n -> n.id.equals(id)).findFirst();
  }

  public static NodeName parse(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "unknown node '" + id + "' (expected node-a, node-b or witness)"));
  }

  @Override
  public String toString() {
    return id;
  }
}
