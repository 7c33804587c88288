package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts consecutive failures of each node's two independent signals. A signal fails only after
 * {@code failureThreshold} failures in a row, so one slow probe never counts; a node is DOWN only
 * when both its app and its Patroni have failed.
 */
final class HealthTracker {

  private final int threshold;
  private final Map<String, Counters> byNode = new LinkedHashMap<>();

  HealthTracker(int threshold) {
    this.threshold = threshold;
  }

  Map<String, NodeHealth> update(Observation observation) {
    Map<String, NodeHealth> result = new LinkedHashMap<>();
    for (NodeProbe probe : observation.nodes()) {
      Counters counters = byNode.computeIfAbsent(probe.node(), n -> new Counters());
      counters.record(probe, observation.at());
      result.put(probe.node(), counters.health(probe.node(), threshold));
    }
    return result;
  }

  private static final class Counters {
    private int app;
    private int patroni;
    private Instant failingSince;

    void record(NodeProbe probe, Instant at) {
      app = probe.app().ok() ? 0 : app + 1;
      patroni = probe.patroni().ok() ? 0 : patroni + 1;
      if (app == 0 && patroni == 0) {
        failingSince = null;
      } else if (failingSince == null) {
        failingSince = at;
      }
    }

    NodeHealth health(String node, int threshold) {
      boolean appFailed = app >= threshold;
      boolean patroniFailed = patroni >= threshold;
      NodeStatus status;
      if (appFailed && patroniFailed) {
        status = NodeStatus.DOWN;
      } else if (appFailed) {
        status = NodeStatus.APP_UNHEALTHY;
      } else if (patroniFailed) {
        status = NodeStatus.DB_UNHEALTHY;
      } else if (app > 0 || patroni > 0) {
        status = NodeStatus.SUSPECT;
      } else {
        status = NodeStatus.HEALTHY;
      }
      return new NodeHealth(node, status, app, patroni, Optional.ofNullable(failingSince));
    }
  }
}
