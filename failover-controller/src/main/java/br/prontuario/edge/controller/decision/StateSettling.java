package br.prontuario.edge.controller.decision;

import java.util.Map;
import java.util.Optional;

/**
 * Where the state settles once the round's active node is chosen. NORMAL needs both nodes
 * healthy, a synchronous standby replicating and the active node on the PostgreSQL leader's
 * node; short of that the controller says DEGRADED, with the reason, until it is.
 */
final class StateSettling {

  private final AlertLatch alerts;

  StateSettling(AlertLatch alerts) {
    this.alerts = alerts;
  }

  /** @param misplaced why the active node is not the leader's node ({@link CoLocation#shortfall}) */
  void settle(Plan plan, ControllerState current, Observation observation, Map<String, NodeHealth> health,
      Optional<String> misplaced) {
    if (plan.target != current) {
      return;
    }
    boolean allHealthy = health.values().stream()
        .allMatch(h -> h.status() == NodeStatus.HEALTHY || h.status() == NodeStatus.SUSPECT);
    boolean syncStandbyOk = observation.members().stream()
        .anyMatch(m -> m.isSyncStandby() && m.isReplicating());
    boolean fine = allHealthy && syncStandbyOk;
    Optional<String> shortfall = fine ? misplaced : Optional.of(degradedReason(allHealthy, health));
    switch (plan.target) {
      case NORMAL -> shortfall.ifPresent(reason -> {
        plan.target = ControllerState.DEGRADED;
        plan.because(reason);
        if (alerts.raise("degraded")) {
          plan.actions.add(new Action.Alert("warning", reason));
        }
      });
      case DEGRADED -> {
        if (shortfall.isEmpty()) {
          plan.target = ControllerState.NORMAL;
          plan.because("both nodes healthy and a synchronous standby replicating");
        } else {
          alerts.raise("degraded");
        }
      }
      case FAILOVER -> {
        if (allHealthy) {
          plan.target = ControllerState.FAILBACK;
          plan.because("failed node is back on both signals; rejoining as standby of " + plan.activeNode);
        }
      }
      case FAILBACK -> {
        if (shortfall.isEmpty()) {
          plan.target = ControllerState.NORMAL;
          plan.because("recovered node is the synchronous standby again");
        } else if (!allHealthy || fine) {
          plan.target = ControllerState.DEGRADED;
          plan.because(shortfall.get());
        }
      }
      case EMERGENCY_CLOUD -> { }
    }
  }

  private static String degradedReason(boolean allHealthy, Map<String, NodeHealth> health) {
    return allHealthy ? "no synchronous standby is replicating"
        : "standby not healthy: " + NodeHealth.describe(health.values());
  }
}
