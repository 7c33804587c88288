package br.prontuario.edge.controller.metrics;

import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.site.http.HttpReply;
import br.prontuario.edge.site.http.PlainHttp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-exports each edge-node's {@code audit_anchor_mismatch} (1 when its audit chain no longer holds
 * the row anchored in etcd: rows removed or rewritten) as {@code audit_anchor_mismatch{instance}},
 * read from the node's {@code /metrics} every {@code every}, so the console's alert table shows
 * AuditChainTampered as Prometheus does. A node that does not answer keeps its last value.
 */
public final class AuditAnchorWatch implements AutoCloseable {

  static final String SERIES = "audit_anchor_mismatch";

  private final List<ClusterTopology.Node> nodes;
  private final PlainHttp http;
  private final Map<String, Double> mismatch = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler;

  public AuditAnchorWatch(MeterRegistry registry, List<ClusterTopology.Node> nodes,
      Duration timeout) {
    this.nodes = List.copyOf(nodes);
    this.http = new PlainHttp(timeout);
    for (ClusterTopology.Node node : nodes) {
      mismatch.put(node.name(), 0.0);
      Gauge.builder("audit.anchor.mismatch", mismatch, m -> m.getOrDefault(node.name(), 0.0))
          .description("1 when the node's audit chain no longer matches its anchor in etcd")
          .tag("instance", node.name()).strongReference(true).register(registry);
    }
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "audit-anchor-watch");
      t.setDaemon(true);
      return t;
    });
  }

  public AuditAnchorWatch start(Duration every) {
    scheduler.scheduleWithFixedDelay(this::readOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  void readOnce() {
    for (ClusterTopology.Node node : nodes) {
      HttpReply reply = http.get(node.appUrl() + "/metrics");
      if (reply instanceof HttpReply.Answered answered && answered.ok()) {
        mismatch.put(node.name(), mismatchIn(answered.body()));
      }
    }
  }

  /** The highest value of the series over every anchor store in a Prometheus text scrape. */
  static double mismatchIn(String scrape) {
    double highest = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(SERIES + "{") || line.startsWith(SERIES + " ")) {
        String[] parts = line.trim().split("\\s+");
        try {
          highest = Math.max(highest, Double.parseDouble(parts[parts.length - 1]));
        } catch (NumberFormatException e) {
          // not a sample line; the scrape format puts the value last
        }
      }
    }
    return highest;
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
