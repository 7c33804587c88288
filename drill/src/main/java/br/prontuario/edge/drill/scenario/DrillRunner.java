package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.RunMeasurer;
import br.prontuario.edge.drill.measure.RunObservations;
import br.prontuario.edge.drill.report.DrillReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a scenario N times and measures each run. Refuses a scenario that is not safe for
 * production unless the cluster is a local one.
 */
public final class DrillRunner {

  private final ClusterControl cluster;
  private final Optional<ControllerApi> controller;
  private final LoadSettings load;
  private final DrillTimings timings;
  private final Clock clock;
  private final Consumer<String> progress;
  static final int MAX_RETRIES = 2;

  private final RunMeasurer measurer = new RunMeasurer(Duration.ofSeconds(1));

  public DrillRunner(ClusterControl cluster, Optional<ControllerApi> controller, LoadSettings load,
      DrillTimings timings, Clock clock, Consumer<String> progress) {
    this.cluster = cluster;
    this.controller = controller;
    this.load = load;
    this.timings = timings;
    this.clock = clock;
    this.progress = progress;
  }

  /** Whether this scenario may run against this cluster; null if it may, else why not. */
  public static DrillOutcome vet(Scenario scenario, boolean localCluster) {
    if (!scenario.safeForProduction() && !localCluster) {
      return new DrillOutcome.Refused(scenario.id()
          + " injects a real fault and runs only against a local cluster (edgectl up)");
    }
    return null;
  }

  /** A run whose cluster degraded before the fault is discarded and tried again, twice at most. */
  private RunObservations runRetryingDegraded(SingleRun single, Scenario scenario, int n)
      throws SingleRun.AbortedRun {
    for (int attempt = 1; ; attempt++) {
      try {
        return single.run(scenario, n);
      } catch (SingleRun.DegradedBeforeFault e) {
        if (attempt > MAX_RETRIES) {
          throw e;
        }
        progress.accept("run " + n + ": cluster degraded before the fault (" + e.getMessage()
            + "); not injecting, trying the run again");
      }
    }
  }

  public DrillOutcome run(Scenario scenario, int runs) {
    DrillOutcome vetoed = vet(scenario, cluster.isLocal());
    if (vetoed != null) {
      return vetoed;
    }
    Instant startedAt = clock.instant();
    List<RunMeasurement> measured = new ArrayList<>();
    SingleRun single = new SingleRun(cluster, controller, load, timings, clock, progress);
    for (int n = 1; n <= runs; n++) {
      RunObservations observed;
      try {
        observed = runRetryingDegraded(single, scenario, n);
      } catch (SingleRun.AbortedRun e) {
        if (measured.isEmpty()) {
          return new DrillOutcome.Aborted(e.getMessage());
        }
        progress.accept("stopping after " + measured.size() + " runs: " + e.getMessage());
        break;
      }
      RunMeasurement m = measurer.measure(observed, scenario.target(), scenario.recovery());
      measured.add(m);
      progress.accept(String.format(java.util.Locale.ROOT,
          "run %d: rto=%s s, lost=%d, %s", n, m.rtoSeconds() == null ? "-"
              : String.format(java.util.Locale.ROOT, "%.2f", m.rtoSeconds()),
          m.lostAcknowledgedWrites(), m.passed() ? "passed" : "FAILED " + m.misses()));
      // where each lost write's acknowledgement came from: the first thing to know when one is lost
      m.lostWrites().forEach(w -> progress.accept(String.format(Locale.ROOT,
          "  lost note %s (key %s): acknowledged by %s%s at %s, %.3f s after it was sent",
          w.noteId(), w.idempotencyKey(), w.acknowledgedBy(), w.emergency() ? " (emergency)" : "",
          w.ackAt(), Duration.between(w.sentAt(), w.ackAt()).toMillis() / 1000.0)));
      controller.ifPresent(c -> {
        String problem = c.postResult(m);
        if (problem != null) {
          progress.accept("could not report run to the controller: " + problem);
        }
      });
    }
    return new DrillOutcome.Completed(new DrillReport(scenario.id(), scenario.safeForProduction(),
        startedAt, clock.instant(), load.clients(), scenario.target(), measured,
        DrillSummary.of(scenario.id(), measured)));
  }
}
