package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.etcd.EtcdMember;
import br.prontuario.edge.localcluster.haproxy.HaproxyConfig;
import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.site.resp.RespClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks every engine for its own view: Patroni's REST API, Redis ROLE, edge-node readiness, HAProxy. */
final class ClusterStatusReader {

  private final EdgeCluster cluster;
  /** The controller's read-only user: ROLE on Redis, PING on the Sentinel. */
  private final RespClient redis;

  ClusterStatusReader(EdgeCluster cluster) {
    this.cluster = cluster;
    this.redis = new RespClient(Duration.ofSeconds(2), RedisAuth.of(cluster.secrets()).controller());
  }

  ClusterStatus read() {
    var layout = cluster.layout();
    Optional<PatroniClient.ClusterView> view = patroniView(cluster);
    List<ClusterStatus.NodeStatus> nodes = new ArrayList<>();
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      boolean restUp = cluster.patroni().node(layout.patroniUrl(node)).isPresent();
      Optional<PatroniClient.Member> member = view.flatMap(v -> v.member(node.id()));
      String db = restUp ? member.map(ClusterStatusReader::role).orElse("down") : "down";
      nodes.add(new ClusterStatus.NodeStatus(node.id(), db,
          "down".equals(db) ? null : member.map(PatroniClient.Member::lagBytes).orElse(null),
          member.map(PatroniClient.Member::timeline).orElse(null),
          redisRole(layout.host(node), layout.ports(node).redis()),
          ReadinessProbe.check(layout.appUrl(node)), running(node)));
    }
    NodeName witness = NodeName.WITNESS;
    String etcd = EtcdMember.health(cluster.etcdHttp(), layout.etcdClientUrls().get(witness.ordinal()))
        .contains("\"health\":\"true\"") ? "healthy" : "down";
    Map<NodeName, Map<String, String>> servers = haproxyServers();
    var witnessStatus = new ClusterStatus.WitnessStatus(etcd,
        pingable(layout.host(witness), layout.ports(witness).sentinel()) ? "up" : "down",
        servers.containsKey(witness) ? "up" : "down", running(witness));
    List<ClusterStatus.EntryStatus> entries = ClusterLayout.ENTRY_ORDER.stream()
        .map(n -> new ClusterStatus.EntryStatus(n.id(), layout.entrypoint(n), servers.containsKey(n) ? "up" : "down",
            servers.getOrDefault(n, Map.of())))
        .toList();
    return new ClusterStatus(layout.entrypoint(), layout.entrypoints(), nodes, witnessStatus,
        servers.values().stream().findFirst().orElse(Map.of()), entries,
        cluster.partitions().active().stream()
            .map(link -> List.of(link.first().id(), link.second().id())).toList());
  }

  /** The cluster as the first data node whose Patroni answers sees it. */
  static Optional<PatroniClient.ClusterView> patroniView(EdgeCluster cluster) {
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      Optional<PatroniClient.ClusterView> view =
          cluster.patroni().cluster(cluster.layout().patroniUrl(node));
      if (view.isPresent()) {
        return view;
      }
    }
    return Optional.empty();
  }

  private static String role(PatroniClient.Member m) {
    boolean serving = "running".equals(m.state()) || "streaming".equals(m.state());
    if (!serving) {
      return "down";
    }
    return switch (m.role() == null ? "" : m.role()) {
      case "leader", "master", "primary" -> "leader";
      case "sync_standby" -> "sync_standby";
      default -> "replica";
    };
  }

  private String redisRole(String host, int port) {
    try {
      String role = redis.role(host, port);
      return "slave".equals(role) ? "replica" : role;
    } catch (IOException e) {
      return "down";
    }
  }

  private boolean pingable(String host, int port) {
    try {
      return "PONG".equals(redis.call(host, port, "PING"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Each answering entry HAProxy's backend servers, in the entry order. */
  private Map<NodeName, Map<String, String>> haproxyServers() {
    Map<NodeName, Map<String, String>> answers = new java.util.LinkedHashMap<>();
    List<String> apis = cluster.layout().runtimeApiAddresses();
    for (int i = 0; i < apis.size(); i++) {
      try {
        answers.put(ClusterLayout.ENTRY_ORDER.get(i), HaproxyRuntimeApi.of(apis.get(i)).serverStatuses(HaproxyConfig.BACKEND));
      } catch (IOException e) {
        // not answering: shown as down
      }
    }
    return answers;
  }

  private List<String> running(NodeName node) {
    return cluster.registry().running(node).stream().map(ProcessRegistry.Entry::component).toList();
  }
}
