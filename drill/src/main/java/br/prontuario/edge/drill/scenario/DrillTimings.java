package br.prontuario.edge.drill.scenario;

import java.time.Duration;

/**
 * How long each phase of a run may take.
 *
 * @param baseline load before the fault, so the report shows the normal error rate and latency
 * @param maxRecovery give up waiting for the first successful write after this long
 * @param tail load kept running after recovery, to show the service settled
 * @param healthy wait this long for both nodes to serve before a run (and after healing)
 * @param verification patience for reading every acknowledged note back
 * @param validationWindow how long health-check validation keeps the load going
 */
public record DrillTimings(Duration baseline, Duration maxRecovery, Duration tail,
    Duration healthy, Duration verification, Duration validationWindow) {

  public static DrillTimings defaults() {
    return new DrillTimings(Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(3),
        Duration.ofMinutes(3), Duration.ofSeconds(60), Duration.ofSeconds(30));
  }

  /** Longest a run can keep the load generator going: it must stop by itself after this. */
  Duration loadBudget(Scenario scenario) {
    Duration budget = baseline.plus(maxRecovery.plus(validationWindow)).plus(tail)
        .plus(Duration.ofSeconds(30));
    // a failback run first waits for the cloud, then restarts the nodes and merges under load
    return scenario.startsInEmergency()
        ? budget.plus(baseline).plus(maxRecovery).plus(Fault.NODES_RESTART).plus(FAILBACK)
        : budget.plus(scenario.fault().injectDuration());
  }

  /** Merging and re-seeding the cloud standby by base backup. */
  private static final Duration FAILBACK = Duration.ofMinutes(3);
}
