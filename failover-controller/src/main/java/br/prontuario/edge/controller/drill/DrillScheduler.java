package br.prontuario.edge.controller.drill;

import br.prontuario.edge.controller.election.Leadership;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the safe drills and the restore drill on their cadence by starting the configured drill
 * command; the drill reports its result back to {@code /api/v1/drills/results}. Only the acting
 * controller runs them, and a failover drill waits for a whole cluster (controller NORMAL) before it
 * touches anything.
 */
@Component
@EnableConfigurationProperties(DrillScheduleProperties.class)
class DrillScheduler implements SmartLifecycle {

  static final String VALIDATION = "health-check-validation";
  static final String SWITCHOVER = "planned-switchover";
  static final String RESTORE = DrillResult.RESTORE;

  private static final Logger log = LoggerFactory.getLogger(DrillScheduler.class);

  private final DrillScheduleProperties schedule;
  private final ObjectProvider<Leadership> leadership;
  private final LastRestoreDrill restoreDrill;
  private final Clock clock;
  private ScheduledExecutorService executor;

  DrillScheduler(DrillScheduleProperties schedule, ObjectProvider<Leadership> leadership,
      LastRestoreDrill restoreDrill, Clock clock) {
    this.schedule = schedule;
    this.leadership = leadership;
    this.restoreDrill = restoreDrill;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (!schedule.enabled() || executor != null) {
      return;
    }
    // one thread: two drills never overlap (a restore drill's load would skew a failover drill's RTO)
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "drill-schedule");
      t.setDaemon(true);
      return t;
    });
    every(schedule.validationEvery(), schedule.validationEvery(), VALIDATION);
    every(schedule.switchoverEvery(), schedule.switchoverEvery(), SWITCHOVER);
    Duration firstRestore = firstRestoreDelay();
    every(firstRestore, schedule.restoreEvery(), RESTORE);
    log.info("drill schedule: {} every {}, {} every {}, {} every {} (next in {})", VALIDATION,
        schedule.validationEvery(), SWITCHOVER, schedule.switchoverEvery(), RESTORE, schedule.restoreEvery(),
        firstRestore);
  }

  /**
   * A month is longer than a controller runs between restarts: counting it from each start would
   * put the restore drill off for good. It is due a period after the last run known (at once when
   * that is past), or a period after start when none is known.
   */
  Duration firstRestoreDelay() {
    Instant ranAt = restoreDrill.status().ranAt();
    if (ranAt == null) {
      return schedule.restoreEvery();
    }
    Duration untilDue = Duration.between(clock.instant(), ranAt.plus(schedule.restoreEvery()));
    return untilDue.isNegative() ? Duration.ZERO : untilDue;
  }

  private void every(Duration first, Duration period, String scenario) {
    executor.scheduleAtFixedRate(() -> runIfActing(scenario), first.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void runIfActing(String scenario) {
    Leadership lead = leadership.getIfUnique();
    if (lead != null && !lead.isLeader()) {
      log.info("drill {} skipped: this controller is not the acting one", scenario);
      return;
    }
    Instant started = clock.instant();
    int exit = run(scenario);
    log.info("drill {} finished with exit code {}", scenario, exit);
    // a restore drill that crashed, hung or could not reach us has not passed: say so rather than
    // leave the last good run standing until the 35-day alert
    if (RESTORE.equals(scenario) && restoreDrill.unreportedSince(started)) {
      log.warn("restore drill reported no run: recorded as not passed");
    }
  }

  /** Runs the drill command; its exit code (0 passed, 1 target missed, ≥2 not run), -1 if stuck. */
  int run(String scenario) {
    List<String> command = schedule.command().stream()
        .map(part -> part.replace("{scenario}", scenario)).toList();
    try {
      Process process = new ProcessBuilder(command)
          .directory(new File(schedule.workingDir()))
          .redirectErrorStream(true)
          // the drill keeps its own report under DIR/drills/ and posts its result to us
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(schedule.timeoutOf(scenario).toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      log.warn("drill {} could not start: {}", scenario, e.getMessage());
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
