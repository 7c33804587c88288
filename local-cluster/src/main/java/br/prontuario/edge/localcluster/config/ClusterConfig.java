package br.prontuario.edge.localcluster.config;

import java.util.Map;

/**
 * The typed form of {@code config/edge-cluster.yaml}: the whole HA topology, local ports and the
 * production hosts. Every section validates itself on construction; {@link ClusterConfigLoader}
 * turns a violation into one message naming the file and the setting.
 */
public record ClusterConfig(
    HaproxySettings haproxy,
    PatroniSettings patroni,
    PostgresSettings postgres,
    RedisSettings redis,
    EtcdSettings etcd,
    AppSettings app,
    Map<String, NodePorts> nodes,
    ProductionHosts production) {

  public ClusterConfig {
    Check.present(haproxy, "haproxy");
    Check.present(patroni, "patroni");
    Check.present(postgres, "postgres");
    Check.present(redis, "redis");
    Check.present(etcd, "etcd");
    Check.present(app, "app");
    Check.present(nodes, "nodes");
    Check.present(production, "production");
    for (NodeName node : NodeName.values()) {
      NodePorts ports = nodes.get(node.id());
      Check.that(ports != null, "nodes.%s is required", node.id());
      ports.validate(node);
    }
    for (String key : nodes.keySet()) {
      Check.that(NodeName.find(key).isPresent(),
          "nodes.%s: unknown node (the topology has node-a, node-b and witness)", key);
    }
    nodes = Map.copyOf(nodes);
  }

  public NodePorts ports(NodeName node) {
    return nodes.get(node.id());
  }
}
