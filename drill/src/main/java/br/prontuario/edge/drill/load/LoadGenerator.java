package br.prontuario.edge.drill.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs C clinical clients on a bounded pool. Stops by itself after the plan's duration or write
 * count, or earlier on {@link #stop()}; {@link #awaitStopped} then returns everything recorded.
 */
public final class LoadGenerator {

  private final LoadPlan plan;
  private final String runId;
  private final Clock clock;
  private final LoadRecorder recorder = new LoadRecorder();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private ExecutorService pool;
  private Instant deadline;

  public LoadGenerator(LoadPlan plan, String runId, Clock clock) {
    this.plan = plan;
    this.runId = runId;
    this.clock = clock;
  }

  public void start() {
    if (pool != null) {
      throw new IllegalStateException("load generator already started");
    }
    deadline = clock.instant().plus(plan.maxDuration());
    pool = Executors.newFixedThreadPool(plan.clients(), r -> {
      Thread t = new Thread(r, "drill-client");
      t.setDaemon(true);
      return t;
    });
    // one API per target, shared by the clients, and one token for all targets: the site's
    // tokens are valid on every node, so a retry at a node's edge-node never waits on a login
    AtomicReference<String> token = new AtomicReference<>();
    List<EdgeApi> targets = plan.targets().stream().map(uri -> new EdgeApi(uri,
        plan.caCertificate(), plan.username(), plan.password(), plan.requestTimeout(), token))
        .toList();
    for (int i = 1; i <= plan.clients(); i++) {
      pool.submit(new ClinicalClient(i, runId, new Targets(targets), plan, recorder, clock,
          this::keepGoing));
    }
    pool.shutdown();
  }

  private boolean keepGoing() {
    return !stopped.get() && !Thread.currentThread().isInterrupted()
        && clock.instant().isBefore(deadline) && recorder.writeAttempts() < plan.maxWrites();
  }

  public Duration requestTimeout() {
    return plan.requestTimeout();
  }

  public int ackedSoFar() {
    return recorder.ackedCount();
  }

  /** Everything recorded up to now, while the clients keep going. */
  public LoadResult snapshot() {
    return recorder.snapshot();
  }

  public void stop() {
    stopped.set(true);
  }

  /** Waits for the clients to finish their current request; interrupts them after the grace. */
  public LoadResult awaitStopped(Duration grace) {
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
        pool.awaitTermination(plan.requestTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
    return recorder.snapshot();
  }
}
