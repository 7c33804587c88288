package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.drill.measure.CommitProbes;
import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.Recovery;
import br.prontuario.edge.drill.measure.RunMeasurer;
import br.prontuario.edge.drill.measure.RunObservations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One run: baseline load, fault, wait for the first successful write, heal, read everything back.
 * Returns the raw observations; measuring them is {@link RunMeasurer}'s job.
 */
final class SingleRun {

  /** A run that could not be observed; the drill stops there. */
  static class AbortedRun extends Exception {
    AbortedRun(String message) {
      super(message);
    }
  }

  /** The cluster stopped being whole before the fault: this run would measure a double failure. */
  static final class DegradedBeforeFault extends AbortedRun {
    DegradedBeforeFault(String message) {
      super(message);
    }
  }

  /** How long the cluster must stay whole before a run starts: a flapping node is not whole. */
  static final Duration STABLE = Duration.ofSeconds(10);

  private final ClusterControl cluster;
  private final Optional<ControllerApi> controller;
  private final LoadSettings load;
  private final DrillTimings timings;
  private final Clock clock;
  private final Consumer<String> progress;

  SingleRun(ClusterControl cluster, Optional<ControllerApi> controller, LoadSettings load,
      DrillTimings timings, Clock clock, Consumer<String> progress) {
    this.cluster = cluster;
    this.controller = controller;
    this.load = load;
    this.timings = timings;
    this.clock = clock;
    this.progress = progress;
  }

  RunObservations run(Scenario scenario, int number) throws AbortedRun {
    String notHealthy = awaitStablyHealthy();
    if (notHealthy != null) {
      throw new AbortedRun("cluster not healthy before run " + number + ": " + notHealthy);
    }
    String leader = leaderFor(scenario, number);
    String runId = "drill-" + clock.instant().getEpochSecond() + "-" + number;
    if (scenario.retriesThroughOtherEntries() && load.otherEntrypoints().isEmpty()) {
      throw new AbortedRun(scenario.id() + " needs more than one entry point (cluster.json entrypoints)");
    }
    LoadGenerator generator = new LoadGenerator(load.plan(timings.loadBudget(scenario))
        .withRequestTimeout(scenario.clientTimeout()).withNodeApps(
        scenario.retriesThroughOtherEntries() ? load.otherEntrypoints() : cluster.nodeApps()), runId, clock);
    Instant startedAt = clock.instant();
    generator.start();
    Optional<CommitProbeWatch> probes = scenario.cutsLinks()
        ? Optional.of(new CommitProbeWatch(cluster, clock)) : Optional.empty();
    try (LeaderWatch watch = new LeaderWatch(cluster, clock, leader)) {
      if (!await(() -> generator.ackedSoFar() >= load.clients(), timings.healthy())) {
        throw new AbortedRun("no writes acknowledged before the fault; is the entry point serving?");
      }
      pause(timings.baseline());
      String degraded = scenario.fault() == Fault.NONE ? null : cluster.awaitHealthy(Duration.ZERO);
      if (degraded != null) {
        throw new DegradedBeforeFault(degraded);
      }
      List<String> problems = new ArrayList<>();
      Instant faultAt = null;
      Instant injectedAt = null;
      String hit = null;
      if (scenario.fault() == Fault.NONE) {
        pause(timings.validationWindow());
        problems.addAll(healthProblems());
      } else {
        if (scenario.startsInEmergency()) {
          enterEmergency(generator, leader, number);
        }
        progress.accept("run " + number + ": " + scenario.id() + " on " + leader);
        // the outage starts with the first signal: killing a node's processes takes a moment
        faultAt = clock.instant();
        hit = inject(scenario.fault(), leader);
        injectedAt = clock.instant();
        awaitFirstSuccessAfter(generator, faultAt, clock.instant(), scenario.recovery());
      }
      pause(timings.tail());
      generator.stop();
      LoadResult result = generator.awaitStopped(Duration.ofSeconds(15));
      Instant endedAt = clock.instant();
      NoteVerifier.Verification verification;
      if (scenario.readsBackBeforeHealing()) {
        verification = readBack(result);
        heal(scenario, hit, number);
      } else {
        heal(scenario, hit, number);
        verification = readBack(result);
      }
      if (scenario.checksActiveNodeIsLeader()) {
        activeNodeProblem().ifPresent(problems::add);
      }
      problems.addAll(promotionProblems(scenario, watch.promotions(), injectedAt));
      List<ControllerEvent> events = new ArrayList<>(watch.promotions());
      controller.ifPresent(c -> events.addAll(c.eventsSince(startedAt)));
      return new RunObservations(scenario.id(), number, startedAt, faultAt, endedAt,
          result.attempts(), result.acked(), verification.foundNoteIds(), verification.stored(),
          verification.complete(),
          events, problems, probes.map(w -> w.result(result.acked())).map(p -> reported(p, number))
          .orElse(null));
    } finally {
      generator.stop();
      probes.ifPresent(CommitProbeWatch::close);
      if (scenario.cutsLinks()) {
        healLinksAfterAbort(number);
      }
    }
  }

  /**
   * More leader moves than the scenario allows. Faults that heal themselves (the quorum restored
   * at the end of the injection) count only the moves before that healing: electing a leader once
   * the quorum is back is recovery, not split brain.
   */
  private static List<String> promotionProblems(Scenario scenario, List<ControllerEvent> promotions,
      Instant injectedAt) {
    Optional<Integer> limit = scenario.promotionLimit();
    if (limit.isEmpty()) {
      return List.of();
    }
    List<ControllerEvent> counted = promotions.stream()
        .filter(p -> !scenario.fault().healsItself() || injectedAt == null
            || p.at().isBefore(injectedAt))
        .toList();
    if (counted.size() <= limit.get()) {
      return List.of();
    }
    return List.of(counted.size() + " leader moves where at most " + limit.get() + " may happen: "
        + counted.stream().map(ControllerEvent::detail).toList());
  }

  /** Names the moments a cut-off node acknowledged a commit, so a failing run says when. */
  private CommitProbes reported(CommitProbes probes, int number) {
    List<Double> offsets = probes.acknowledgedAfterLeaseLostOffsets();
    if (!offsets.isEmpty()) {
      progress.accept("run " + number + ": a cut-off node without the leader lease acknowledged commits at "
          + offsets.stream().map(o -> String.format(java.util.Locale.ROOT, "+%.1f", o)).toList()
          + " s after its cut");
    }
    return probes;
  }

  /** A run that stopped half-way must not leave the cluster partitioned for the next one. */
  private void healLinksAfterAbort(int number) {
    try {
      if (cluster.cuts().stream().anyMatch(c -> c.healedAt() == null)) {
        cluster.healPartitions();
        progress.accept("run " + number + ": links restored after the run stopped");
      }
    } catch (RuntimeException e) {
      progress.accept("run " + number + ": could not restore the links: " + e.getMessage()
          + " (run bin/edgectl heal)");
    }
  }

  /** The leader the scenario starts from: a planned switchover first when it needs another. */
  private String leaderFor(Scenario scenario, int number) throws AbortedRun {
    String leader = cluster.leader();
    Optional<String> wanted = scenario.leaderBefore();
    if (wanted.isEmpty() || wanted.get().equals(leader)) {
      return leader;
    }
    progress.accept("run " + number + ": planned switchover to " + wanted.get() + " first");
    inject(Fault.SWITCHOVER, leader);
    String notHealthy = awaitStablyHealthy();
    if (notHealthy != null || !wanted.get().equals(cluster.leader())) {
      throw new AbortedRun("the switchover to " + wanted.get() + " before run " + number
          + " did not settle: " + (notHealthy != null ? notHealthy : "leader " + cluster.leader()));
    }
    return wanted.get();
  }

  /** Clinicians must end where the primary is: the controller's active node = the leader's. */
  private Optional<String> activeNodeProblem() {
    String leader = cluster.leader();
    Optional<String> active = controller.flatMap(ControllerApi::activeNode);
    if (controller.isEmpty() || active.equals(Optional.ofNullable(leader))) {
      return Optional.empty();
    }
    return Optional.of("active node " + active.orElse("unknown") + " is not the leader's node "
        + leader);
  }

  /**
   * Both nodes killed and the cloud serving, before a failback is measured: the clients must see
   * the cloud acknowledge writes, else there is nothing to fail back from (the nodes are restarted
   * so the cluster is not left down).
   */
  private void enterEmergency(LoadGenerator generator, String leader, int number)
      throws AbortedRun {
    progress.accept("run " + number + ": both nodes killed, waiting for the cloud to serve");
    Instant killedAt = clock.instant();
    inject(Fault.KILL_BOTH, leader);
    if (!awaitFirstSuccessAfter(generator, killedAt, clock.instant(), Recovery.ANY_SITE)) {
      cluster.start(leader);
      cluster.start(cluster.other(leader));
      throw new AbortedRun("no write succeeded within " + timings.maxRecovery().toSeconds()
          + " s of killing both nodes: the cloud never served; nodes restarted");
    }
    pause(timings.baseline());
  }

  private String inject(Fault fault, String leader) throws AbortedRun {
    try {
      return fault.inject(cluster, leader);
    } catch (RuntimeException e) {
      throw new AbortedRun(fault.name().toLowerCase(java.util.Locale.ROOT) + " failed: "
          + e.getMessage());
    }
  }

  /** Whole for {@link #STABLE} without a break, within the healthy timeout; else the problem. */
  private String awaitStablyHealthy() {
    Instant deadline = clock.instant().plus(timings.healthy());
    String problem = null;
    while (clock.instant().isBefore(deadline)) {
      problem = cluster.awaitHealthy(Duration.between(clock.instant(), deadline));
      if (problem != null) {
        return problem;
      }
      Instant wholeUntil = clock.instant().plus(STABLE);
      while (problem == null && clock.instant().isBefore(wholeUntil)) {
        pause(Duration.ofSeconds(1));
        problem = cluster.awaitHealthy(Duration.ZERO);
      }
      if (problem == null) {
        return null;
      }
    }
    return problem;
  }

  /**
   * Waits for the first successful write after the fault, and for it to be settled: a success seen
   * while other requests are still in flight may turn out to precede the clients' first failure
   * (the dying node served it), so it is trusted only once every request in flight at that moment
   * has completed and it is still the first success. Nothing is trusted before the requests in
   * flight when the injection finished have completed either: on a loaded machine finding a
   * node's processes takes seconds, and the old leader keeps acknowledging writes meanwhile
   * (measured: 8 s) — a success from then is not a recovery.
   */
  private boolean awaitFirstSuccessAfter(LoadGenerator generator, Instant faultAt,
      Instant injectedAt, Recovery recovery) {
    Duration settle = generator.requestTimeout().plusSeconds(1);
    return await(() -> {
      Optional<Instant> first = RunMeasurer.firstSuccessfulWriteSentAfter(
          generator.snapshot().attempts(), faultAt, recovery);
      return first.isPresent() && clock.instant().isAfter(first.get().plus(settle))
          && clock.instant().isAfter(injectedAt.plus(settle))
          && first.equals(RunMeasurer.firstSuccessfulWriteSentAfter(
              generator.snapshot().attempts(), faultAt, recovery));
    }, timings.maxRecovery());
  }

  /** What the daily validation checks besides the load: every node serving, controller normal. */
  private List<String> healthProblems() {
    List<String> problems = new ArrayList<>();
    String cluster = this.cluster.awaitHealthy(Duration.ofSeconds(5));
    if (cluster != null) {
      problems.add(cluster);
    }
    controller.ifPresent(c -> {
      String state = c.status().map(s -> s.path("state").asString("unknown")).orElse(null);
      if (state == null) {
        problems.add("failover controller does not answer");
      } else if (!"NORMAL".equals(state)) {
        problems.add("failover controller in state " + state);
      }
    });
    return problems;
  }

  private void heal(Scenario scenario, String hit, int number) {
    if (hit == null) {
      return;
    }
    try {
      scenario.fault().heal(cluster, hit);
    } catch (RuntimeException e) {
      progress.accept("run " + number + ": healing failed: " + e.getMessage());
      return;
    }
    String problem = cluster.awaitHealthy(timings.healthy());
    if (problem != null) {
      progress.accept("run " + number + ": cluster not whole again after healing: " + problem);
    }
  }

  private NoteVerifier.Verification readBack(LoadResult result) {
    EdgeApi api = new EdgeApi(load.entrypoint(), load.caCertificate(), load.username(), load.password(),
        Duration.ofSeconds(5));
    NoteVerifier verifier = new NoteVerifier(api, clock, timings.verification());
    NoteVerifier.Verification listed = verifier.readBack(result.patientIds());
    NoteVerifier.Verification followed = verifier.followingMergedIds(listed, result.acked());
    int merged = followed.foundNoteIds().size() - listed.foundNoteIds().size();
    if (merged > 0) {
      progress.accept(merged + " acknowledged note ids name the edge's copy of the same write"
          + " (the cloud's copy was left out at failback)");
    }
    return followed;
  }

  private boolean await(BooleanSupplier condition, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (!clock.instant().isBefore(deadline)) {
        return false;
      }
      pause(Duration.ofMillis(100));
    }
    return true;
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
