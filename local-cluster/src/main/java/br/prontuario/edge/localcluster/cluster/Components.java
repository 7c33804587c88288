package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import java.util.List;

/** The process names the cluster records per node (also their folder names under DIR/<node>/). */
public final class Components {

  public static final String ETCD = "etcd";
  public static final String PATRONI = "patroni";
  public static final String REDIS = "redis";
  public static final String SENTINEL = "sentinel";
  public static final String APP = "edge-node";
  public static final String HAPROXY = "haproxy";
  /** The event bus: a Kafka broker (and KRaft controller) on every box. */
  public static final String KAFKA = "kafka";

  private Components() {}

  /** What runs on the node, in start order (every box has an entry HAProxy: no single way in). */
  public static List<String> of(NodeName node) {
    return node.isDataNode()
        ? List.of(ETCD, PATRONI, REDIS, SENTINEL, KAFKA, APP, HAPROXY)
        : List.of(ETCD, SENTINEL, KAFKA, HAPROXY);
  }
}
