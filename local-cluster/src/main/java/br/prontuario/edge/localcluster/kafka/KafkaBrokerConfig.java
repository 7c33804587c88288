package br.prontuario.edge.localcluster.kafka;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One box's {@code server.properties}: a KRaft broker that is also one of three controllers (every
 * box, so the loss of any one keeps a quorum of two), TLS with client certificates on every
 * listener, and topics that survive one box: three copies, two of which must have a write
 * before the producer hears it was taken.
 */
public final class KafkaBrokerConfig {

  /** The clinical events' topic, as edge-node's relay is told to publish to and readers to read. */
  public static final String TOPIC = "prontuario.clinical-events";

  /** The broker listener (clients and the other brokers) and the controllers' own. */
  static final String BROKER_LISTENER = "BROKER";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private KafkaBrokerConfig() {}

  /** KRaft node ids: node-a 1, node-b 2, witness 3. */
  public static int nodeId(NodeName node) {
    return node.ordinal() + 1;
  }

  /**
   * @param keyStore the broker's certificate and key in one PEM file
   * @param caCertificate the cluster CA: the only issuer a client or peer certificate may have
   */
  public static Map<String, String> broker(NodeName node, ClusterLayout layout, Path dataDir,
      Path keyStore, Path caCertificate) {
    String host = layout.host(node);
    var ports = layout.ports(node);
    Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId(node)));
    p.put("controller.quorum.voters", voters(layout));
    p.put("listeners", BROKER_LISTENER + "://" + host + ":" + ports.kafka() + "," + CONTROLLER_LISTENER
        + "://" + host + ":" + ports.kafkaController());
    p.put("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + ports.kafka());
    p.put("listener.security.protocol.map", BROKER_LISTENER + ":SSL," + CONTROLLER_LISTENER + ":SSL");
    p.put("inter.broker.listener.name", BROKER_LISTENER);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("log.dirs", dataDir.toString());
    // topics are created by their producer with these settings; none appears by a typo
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "6");
    p.put("default.replication.factor", "3");
    p.put("min.insync.replicas", "2");
    p.put("unclean.leader.election.enable", "false");
    p.put("offsets.topic.replication.factor", "3");
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", "3");
    p.put("transaction.state.log.min.isr", "2");
    p.put("share.coordinator.state.topic.replication.factor", "3");
    p.put("share.coordinator.state.topic.min.isr", "2");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("ssl.keystore.type", "PEM");
    p.put("ssl.keystore.location", keyStore.toString());
    p.put("ssl.truststore.type", "PEM");
    p.put("ssl.truststore.location", caCertificate.toString());
    p.put("ssl.client.auth", "required");
    // sized for a box that also runs PostgreSQL and the apps (and two cores locally)
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    p.put("num.recovery.threads.per.data.dir", "1");
    return p;
  }

  static String voters(ClusterLayout layout) {
    return Arrays.stream(NodeName.values())
        .map(n -> nodeId(n) + "@" + layout.host(n) + ":" + layout.ports(n).kafkaController())
        .collect(Collectors.joining(","));
  }

  /** {@code key=value} lines, in order. */
  public static String render(Map<String, String> properties, String header) {
    StringBuilder out = new StringBuilder("# ").append(header).append('\n');
    properties.forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
    return out.toString();
  }
}
