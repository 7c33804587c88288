package br.prontuario.edge.localcluster.etcd;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.EtcdSettings;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One etcd member's configuration file ({@code etcd --config-file}), local or production. */
public final class EtcdConfig {

  private EtcdConfig() {}

  public static Map<String, Object> member(NodeName node, ClusterLayout layout, EtcdSettings settings,
      String dataDir) {
    String host = layout.host(node);
    var ports = layout.ports(node);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", node.id());
    c.put("data-dir", dataDir);
    c.put("listen-client-urls", "http://" + host + ":" + ports.etcdClient());
    c.put("advertise-client-urls", "http://" + host + ":" + ports.etcdClient());
    c.put("listen-peer-urls", "http://" + host + ":" + ports.etcdPeer());
    c.put("initial-advertise-peer-urls", "http://" + host + ":" + ports.etcdPeer());
    // only read when the data dir is empty; later starts rejoin from the member's own data
    c.put("initial-cluster", layout.etcdInitialCluster());
    c.put("initial-cluster-token", settings.clusterToken());
    c.put("initial-cluster-state", "new");
    c.put("heartbeat-interval", settings.heartbeatInterval().toMillis());
    c.put("election-timeout", settings.electionTimeout().toMillis());
    // the failover controller's lease speaks the v3 JSON gateway; a config file (unlike the flags) leaves it off
    c.put("enable-grpc-gateway", true);
    // Patroni talks to etcd through the v2 API (see PatroniConfig: its etcd3 code in 3.0.2 can steal
    // the leader key back after a freeze); the failover controller's lease uses the v3 gateway
    c.put("enable-v2", true);
    c.put("logger", "zap");
    c.put("log-outputs", List.of("stderr"));
    return c;
  }
}
