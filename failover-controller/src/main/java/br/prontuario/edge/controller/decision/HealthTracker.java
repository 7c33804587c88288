package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts consecutive failures of each node's two independent signals. A signal fails only after
 * {@code failureThreshold} failures in a row that span at least (failureThreshold − 1) × interval
 * on the monotonic clock, so one slow probe never counts and neither do rounds that ran close
 * together after the controller was paused; a node is DOWN only when both its app and its
 * Patroni have failed.
 */
final class HealthTracker {

  private final int threshold;
  private final long minimumSpanNanos;
  private final Map<String, Counters> byNode = new LinkedHashMap<>();

  HealthTracker(HealthRules rules) {
    this.threshold = rules.failureThreshold();
    this.minimumSpanNanos = rules.interval().toNanos() * (threshold - 1);
  }

  Map<String, NodeHealth> update(Observation observation) {
    Map<String, NodeHealth> result = new LinkedHashMap<>();
    for (NodeProbe probe : observation.nodes()) {
      Counters counters = byNode.computeIfAbsent(probe.node(), n -> new Counters());
      counters.record(probe, observation.at(), observation.monotonicNanos());
      result.put(probe.node(), counters.health(probe.node(), observation.monotonicNanos()));
    }
    return result;
  }

  private final class Counters {
    private final Run app = new Run();
    private final Run patroni = new Run();
    private Instant failingSince;

    void record(NodeProbe probe, Instant at, long nanos) {
      app.record(probe.app().ok(), nanos);
      patroni.record(probe.patroni().ok(), nanos);
      if (app.count == 0 && patroni.count == 0) {
        failingSince = null;
      } else if (failingSince == null) {
        failingSince = at;
      }
    }

    NodeHealth health(String node, long nanos) {
      boolean appFailed = app.failed(nanos);
      boolean patroniFailed = patroni.failed(nanos);
      NodeStatus status;
      if (appFailed && patroniFailed) {
        status = NodeStatus.DOWN;
      } else if (appFailed) {
        status = NodeStatus.APP_UNHEALTHY;
      } else if (patroniFailed) {
        status = NodeStatus.DB_UNHEALTHY;
      } else if (app.count > 0 || patroni.count > 0) {
        status = NodeStatus.SUSPECT;
      } else {
        status = NodeStatus.HEALTHY;
      }
      return new NodeHealth(node, status, app.count, patroni.count, Optional.ofNullable(failingSince));
    }
  }

  /** One signal's current run of consecutive failures and when (monotonic) it began. */
  private final class Run {
    private int count;
    private long firstNanos;

    void record(boolean ok, long nanos) {
      if (ok) {
        count = 0;
      } else if (count++ == 0) {
        firstNanos = nanos;
      }
    }

    boolean failed(long nanos) {
      return count >= threshold && nanos - firstNanos >= minimumSpanNanos;
    }
  }
}
