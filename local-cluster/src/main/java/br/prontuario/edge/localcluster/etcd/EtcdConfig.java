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

  /**
   * The member's certificate and key (it serves clients and dials its peers with them, so it
   * carries both serverAuth and clientAuth) and the CA whose certificates it accepts from clients
   * and peers.
   */
  public record Tls(String certificate, String key, String trustedCa) {}

  public static Map<String, Object> member(NodeName node, ClusterLayout layout, EtcdSettings settings,
      String dataDir, Tls tls) {
    String host = layout.host(node);
    var ports = layout.ports(node);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", node.id());
    c.put("data-dir", dataDir);
    c.put("listen-client-urls", "https://" + host + ":" + ports.etcdClient());
    c.put("advertise-client-urls", "https://" + host + ":" + ports.etcdClient());
    c.put("listen-peer-urls", "https://" + host + ":" + ports.etcdPeer());
    c.put("initial-advertise-peer-urls", "https://" + host + ":" + ports.etcdPeer());
    // no certificate from the cluster CA, no connection: Patroni's leader key, the controller's
    // lease and the audit anchor are out of reach of a device on the network (and so is /health)
    c.put("client-transport-security", transportSecurity(tls));
    c.put("peer-transport-security", transportSecurity(tls));
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

  private static Map<String, Object> transportSecurity(Tls tls) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("cert-file", tls.certificate());
    t.put("key-file", tls.key());
    t.put("trusted-ca-file", tls.trustedCa());
    t.put("client-cert-auth", true);
    t.put("auto-tls", false);
    return t;
  }
}
