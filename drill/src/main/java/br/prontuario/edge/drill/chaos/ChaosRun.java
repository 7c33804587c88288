package br.prontuario.edge.drill.chaos;

import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.drill.scenario.ClusterControl;
import br.prontuario.edge.drill.scenario.CommitProbeWatch;
import br.prontuario.edge.drill.scenario.LeaderWatch;
import br.prontuario.edge.drill.scenario.LoadSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The soak: clinical load through the entry points for the whole time, each data node probed
 * with commits and lease questions, and the schedule's faults one after another: inject, hold,
 * heal, wait until both nodes serve again (failing back if a controller activated the cloud),
 * pause. When the time is up the load stops and every acknowledged note is read back.
 */
public final class ChaosRun {

  /** How long the nodes may take to serve again after a fault (a killed node restarts). */
  static final Duration RECOVERY = Duration.ofMinutes(3);
  /** The rest of the deployment (entry HAProxies routed alike, controller NORMAL, cloud standby). */
  static final Duration SETTLE = Duration.ofSeconds(90);
  static final Duration READ_BACK = Duration.ofMinutes(5);
  /** 4 clients × 5 notes a second for 10 hours: the load never stops by count before the time. */
  static final int MAX_WRITES = 1_000_000;

  private final ClusterControl cluster;
  private final LoadSettings load;
  private final Clock clock;
  private final Consumer<String> progress;

  public ChaosRun(ClusterControl cluster, LoadSettings load, Clock clock, Consumer<String> progress) {
    if (!cluster.isLocal()) {
      throw new IllegalArgumentException("the chaos soak injects real faults: a local cluster only (edgectl up)");
    }
    this.cluster = cluster;
    this.load = load;
    this.clock = clock;
    this.progress = progress;
  }

  public ChaosHistory run(Duration length, ChaosSchedule schedule) {
    String notHealthy = cluster.awaitHealthy(RECOVERY);
    if (notHealthy != null) {
      throw new IllegalStateException("cluster not healthy before the soak: " + notHealthy);
    }
    int minutes = (int) length.toMinutes();
    progress.accept(String.format(Locale.ROOT, "seed %d, %d min; replay with: edgectl drill chaos"
        + " --minutes %d --seed %d", schedule.seed(), minutes, minutes, schedule.seed()));
    Instant startedAt = clock.instant();
    Instant end = startedAt.plus(length);
    LoadGenerator generator = new LoadGenerator(plan(length), "chaos-" + startedAt.getEpochSecond(), clock);
    List<InjectedFault> faults = new ArrayList<>();
    String stoppedEarly = null;
    generator.start();
    CommitProbeWatch probes = new CommitProbeWatch(cluster, clock);
    LeaderWatch leaders = new LeaderWatch(cluster, clock, cluster.leader());
    try {
      while (clock.instant().isBefore(end)) {
        ChaosStep step = schedule.next();
        InjectedFault done = inject(step, startedAt);
        faults.add(done);
        if (done.servingAgainAt() == null) {
          stoppedEarly = "the nodes did not serve again after fault " + step.describe() + ": "
              + done.problem();
          break;
        }
        settle(step);
        sleep(step.pause());
      }
    } finally {
      generator.stop();
      restoreLinks();
    }
    LoadResult result = generator.awaitStopped(Duration.ofSeconds(15));
    probes.close();
    leaders.close();
    Instant endedAt = clock.instant();
    progress.accept(faults.size() + " faults; reading back " + result.acked().size()
        + " acknowledged notes");
    NoteVerifier.Verification readBack = readBack(result);
    return new ChaosHistory(schedule.seed(), minutes, startedAt, endedAt, faults, result, readBack,
        probes.result(result.acked()), probes.leaseTimeline(), leaders.promotions(), stoppedEarly);
  }

  /** The drill's plan retried at every other entry point, then at each node's edge-node. */
  private LoadPlan plan(Duration length) {
    List<URI> fallbacks = new ArrayList<>(load.otherEntrypoints());
    fallbacks.addAll(cluster.nodeApps());
    return load.plan(length.plus(RECOVERY).plus(SETTLE)).withMaxWrites(MAX_WRITES)
        .withNodeApps(fallbacks);
  }

  private InjectedFault inject(ChaosStep step, Instant startedAt) {
    Instant injectedAt = clock.instant();
    progress.accept(String.format(Locale.ROOT, "+%s fault %s", offset(startedAt, injectedAt),
        step.describe()));
    String problem = null;
    try {
      step.fault().inject(cluster, step);
      sleep(step.hold());
    } catch (RuntimeException e) {
      problem = "injecting failed: " + firstLine(e);
    }
    try {
      step.fault().heal(cluster, step);
    } catch (RuntimeException e) {
      problem = (problem == null ? "" : problem + "; ") + "healing failed: " + firstLine(e);
    }
    Instant healedAt = clock.instant();
    String notServing = cluster.awaitNodesServing(RECOVERY);
    if (notServing != null) {
      // a second chance for a start that raced the kill's last process going away
      progress.accept("fault " + step.number() + ": nodes not serving (" + notServing
          + "); starting whatever is down");
      List.of("node-a", "node-b", "witness").forEach(cluster::start);
      notServing = cluster.awaitNodesServing(RECOVERY);
    }
    Instant servingAt = notServing == null ? clock.instant() : null;
    if (servingAt != null) {
      progress.accept(String.format(Locale.ROOT, "  serving again %.1f s after healing%s",
          Duration.between(healedAt, servingAt).toMillis() / 1000.0,
          problem == null ? "" : " (" + problem + ")"));
    }
    return new InjectedFault(step, injectedAt, healedAt, servingAt,
        notServing != null ? notServing : problem);
  }

  /**
   * The rest of the deployment back to normal before the next fault; a controller that activated
   * the cloud meanwhile (no quorum, a node unreachable from both controllers) is failed back.
   */
  private void settle(ChaosStep step) {
    String problem = cluster.awaitHealthy(SETTLE);
    if (problem == null) {
      return;
    }
    progress.accept("fault " + step.number() + ": " + problem + "; failing back in case the cloud"
        + " took over");
    try {
      cluster.failback();
    } catch (RuntimeException e) {
      progress.accept("fault " + step.number() + ": failback: " + e.getMessage());
    }
    problem = cluster.awaitHealthy(SETTLE);
    if (problem != null) {
      progress.accept("fault " + step.number() + ": going on although " + problem);
    }
  }

  /** A soak that stops half-way must not leave the cluster partitioned. */
  private void restoreLinks() {
    try {
      if (cluster.cuts().stream().anyMatch(c -> c.healedAt() == null)) {
        cluster.healPartitions();
      }
    } catch (RuntimeException e) {
      progress.accept("could not restore the links: " + e.getMessage() + " (run bin/edgectl heal)");
    }
  }

  private NoteVerifier.Verification readBack(LoadResult result) {
    EdgeApi api = new EdgeApi(load.entrypoint(), load.caCertificate(), load.username(),
        load.password(), Duration.ofSeconds(10));
    NoteVerifier verifier = new NoteVerifier(api, clock, READ_BACK);
    return verifier.followingMergedIds(verifier.readBack(result.patientIds()), result.acked());
  }

  /** A process's failure names its log on the first line; the log's tail that follows stays there. */
  private static String firstLine(RuntimeException e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private static String offset(Instant from, Instant at) {
    long s = Duration.between(from, at).toSeconds();
    return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
