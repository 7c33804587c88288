package br.prontuario.edge.localcluster.kafka;

import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import br.prontuario.edge.site.bus.BusConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;

/**
 * Restarts the cluster's Kafka brokers one at a time (each is also a KRaft controller), first
 * waiting for every partition to have all its copies in sync, so that never more than one copy of
 * anything is missing: with three copies and two needed for a write, producers never stop. How a
 * broker takes new certificates: Kafka can reload a listener's key store in place, but not (as of
 * 4.x) for the connections its controllers open to each other.
 */
public final class BrokerRollingRestart {

  private static final Duration POLL = Duration.ofMillis(500);

  private final EdgeCluster cluster;
  private final Duration timeout;
  private final Consumer<String> progress;

  /** @param timeout how long one broker may take to be back with all its copies in sync */
  public BrokerRollingRestart(EdgeCluster cluster, Duration timeout, Consumer<String> progress) {
    this.cluster = cluster;
    this.timeout = timeout;
    this.progress = progress;
  }

  /** @throws IllegalStateException naming the broker that did not come back, or the partitions short of copies */
  public void run() {
    try (Admin admin = Admin.create(settings())) {
      // each restart ends with every copy in sync, which is what the next one starts from
      awaitAllInSync(admin, "before the first restart");
      for (NodeName node : NodeName.values()) {
        progress.accept("restarting " + node.id() + "'s Kafka broker");
        cluster.restartKafka(node);
        awaitBroker(admin, node);
        awaitAllInSync(admin, "after restarting " + node.id() + "'s broker (log: "
            + cluster.log(node, Components.KAFKA) + ")");
      }
    }
  }

  private Map<String, Object> settings() {
    var tls = cluster.tls();
    Map<String, Object> settings = BusConnection.settings(cluster.layout().kafkaBootstrap(),
        "edgectl-broker-restart", tls.caCertificate().toString(),
        tls.kafkaClient(ClusterCertificates.KAFKA_OPERATIONS).toString());
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    return settings;
  }

  private void awaitBroker(Admin admin, NodeName node) {
    int id = KafkaBrokerConfig.nodeId(node);
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).stream().map(Node::id)
            .anyMatch(n -> n == id)) {
          return;
        }
      } catch (ExecutionException | TimeoutException notYet) {
        // the brokers are electing leaders again: ask once more
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while " + node.id() + "'s broker restarted", e);
      }
      Pause.millis(POLL.toMillis());
    }
    throw new IllegalStateException(node.id() + "'s Kafka broker did not rejoin within " + timeout
        + " (log: " + cluster.log(node, Components.KAFKA) + ")");
  }

  private void awaitAllInSync(Admin admin, String when) {
    Instant deadline = Instant.now().plus(timeout);
    List<String> lagging = List.of("(the brokers did not answer)");
    while (Instant.now().isBefore(deadline)) {
      try {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
            .get(10, TimeUnit.SECONDS);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
            .get(10, TimeUnit.SECONDS);
        lagging = described.values().stream()
            .flatMap(topic -> topic.partitions().stream()
                .filter(p -> p.isr().size() < p.replicas().size())
                .map(p -> topic.name() + "-" + p.partition()))
            .toList();
        if (lagging.isEmpty()) {
          return;
        }
      } catch (ExecutionException | TimeoutException notYet) {
        // a broker is still starting: ask once more
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the brokers", e);
      }
      Pause.millis(POLL.toMillis());
    }
    throw new IllegalStateException("Kafka partitions still short of copies " + when + ": "
        + String.join(", ", lagging.subList(0, Math.min(5, lagging.size()))));
  }

}
