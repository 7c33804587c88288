package br.prontuario.edge.ctl.render;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.kafka.KafkaBrokerConfig;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The production settings of the two Spring Boot services, as {@code .properties} files: what the
 * local cluster passes on their command lines ({@code EdgeNodeApp}, {@code FailoverControllerProcess}),
 * with the production hosts. No secret is in them: passwords, the JWT secret and the face key go in
 * a separate file readable by the service account only, which {@code edgectl install} names.
 */
final class AppProperties {

  private AppProperties() {}

  /** edge-node on a Mac Studio: its own PostgreSQL first, every Sentinel, every entry URL for the app. */
  static String edgeNode(ClusterConfig config, ClusterLayout layout, NodeName node) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("edge.node.name", node.id());
    p.put("server.port", Integer.toString(layout.ports(node).app()));
    p.put("spring.datasource.url", layout.verifiedJdbcUrl(config.postgres().database(), node,
        Path.of(ProductionDirs.of(config.production()).postgresTls().ca())));
    p.put("spring.datasource.username", config.postgres().appUser());
    p.put("spring.flyway.user", config.postgres().ownerUser());
    p.put("spring.data.redis.sentinel.master", config.redis().masterName());
    p.put("spring.data.redis.sentinel.nodes", String.join(",", layout.sentinelAddresses()));
    p.put("spring.data.redis.username", RedisAuth.EDGE_NODE);
    p.put("spring.data.redis.sentinel.username", RedisAuth.EDGE_NODE);
    p.put("edge.app.entrypoints", String.join(",", entrypoints(config, layout)));
    // lab results: the entry HAProxies (any box) forward the labs' MLLP here; each lab system is
    // an edge.lab.senders[i] entry (application, facility, token-sha256) in the secrets file
    p.put("edge.lab.mllp-port", Integer.toString(layout.ports(node).mllp()));
    p.put("edge.lab.bind-address", layout.host(node));
    // the audit chain's head, copied outside PostgreSQL (add the cloud site's etcd as stores.cloud)
    p.put("edge.audit.anchor.stores.edge", String.join(",", layout.etcdClientUrls()));
    var etcdTls = ProductionDirs.of(config.production()).etcdClientTls(ClusterCertificates.ETCD_EDGE_NODE);
    p.put("edge.audit.anchor.tls.ca-certificate", etcdTls.ca());
    p.put("edge.audit.anchor.tls.certificate", etcdTls.certificate());
    p.put("edge.audit.anchor.tls.key", etcdTls.key());
    // events out: the outbox relayed to the three brokers, with edge-node's own client certificate
    var dirs = ProductionDirs.of(config.production());
    p.put("edge.events.bus.bootstrap-servers", layout.kafkaBootstrap());
    p.put("edge.events.bus.topic", KafkaBrokerConfig.TOPIC);
    p.put("edge.events.bus.trust-store", dirs.postgresTls().ca());
    p.put("edge.events.bus.key-store", dirs.kafkaPem(ClusterCertificates.KAFKA_EDGE_NODE));
    return render("edge-node on " + node.id(), p);
  }

  /** The failover-controller replica on {@code box}: every node, Sentinel, HAProxy and etcd member. */
  static String controller(ClusterConfig config, ClusterLayout layout, NodeName box, String historyDir) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("server.address", layout.host(box));
    int i = 0;
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      String prefix = "edge.controller.cluster.nodes[" + i++ + "].";
      p.put(prefix + "name", node.id());
      p.put(prefix + "app-url", layout.appUrl(node));
      p.put(prefix + "patroni-url", layout.patroniUrl(node));
      p.put(prefix + "redis", layout.host(node) + ":" + layout.ports(node).redis());
    }
    indexed(p, "edge.controller.cluster.sentinels", layout.sentinelAddresses());
    p.put("edge.controller.cluster.sentinel-master", config.redis().masterName());
    p.put("edge.controller.sentinel-auth.username", RedisAuth.CONTROLLER);
    p.put("edge.controller.patroni.username", ClusterSecrets.placeholders().patroniRestUser());
    // the nodes' Patroni REST APIs present their PostgreSQL certificate, from the cluster CA
    p.put("edge.controller.patroni.ca-certificate", ProductionDirs.of(config.production()).postgresTls().ca());
    p.put("edge.controller.routing.mode", "haproxy");
    indexed(p, "edge.controller.routing.haproxy.runtime-apis", layout.runtimeApiAddresses());
    p.put("edge.controller.election.mode", "etcd");
    p.put("edge.controller.election.identity", "controller-" + box.id());
    indexed(p, "edge.controller.election.etcd-endpoints", layout.etcdClientUrls());
    var etcdTls = ProductionDirs.of(config.production()).etcdClientTls(ProductionRenderer.ETCD_CONTROLLER);
    p.put("edge.controller.election.etcd-tls.ca-certificate", etcdTls.ca());
    p.put("edge.controller.election.etcd-tls.certificate", etcdTls.certificate());
    p.put("edge.controller.election.etcd-tls.key", etcdTls.key());
    p.put("edge.controller.history.dir", historyDir);
    return render("failover-controller on " + box.id(), p);
  }

  /** The floating address first when there is one (failover.md, "one address for the phones"). */
  private static List<String> entrypoints(ClusterConfig config, ClusterLayout layout) {
    List<String> urls = new ArrayList<>();
    String virtual = config.production().entryVirtualAddress();
    if (!virtual.isEmpty()) {
      urls.add("https://" + virtual + ":" + layout.entry(NodeName.WITNESS).entryPort());
    }
    urls.addAll(layout.entrypoints());
    return urls;
  }

  private static void indexed(Map<String, String> p, String key, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      p.put(key + "[" + i + "]", values.get(i));
    }
  }

  private static String render(String what, Map<String, String> properties) {
    StringJoiner text = new StringJoiner("\n", "", "\n");
    text.add("# " + what + " (rendered by edgectl render from config/edge-cluster.yaml)");
    text.add("# secrets are not here: edgectl install points the service at a 0600 file for them");
    properties.forEach((key, value) -> {
      // plain key=value is only safe without escapes; none of these values needs one
      if (value.contains("\\") || value.contains("\n")) {
        throw new IllegalArgumentException(key + " cannot be written as a plain property: " + value);
      }
      text.add(key + "=" + value);
    });
    return text.toString();
  }
}
