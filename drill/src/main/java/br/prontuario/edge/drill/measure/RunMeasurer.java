package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.load.DuplicateWrites;
import br.prontuario.edge.drill.measure.ControllerEvent.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns a run's observations into its measurement. Pure: no I/O, no clock of its own. */
public final class RunMeasurer {

  private final Duration bucket;

  public RunMeasurer(Duration bucket) {
    if (bucket.isZero() || bucket.isNegative()) {
      throw new IllegalArgumentException("bucket must be positive");
    }
    this.bucket = bucket;
  }

  public RunMeasurement measure(RunObservations o, Target target) {
    return measure(o, target, Recovery.ANY_SITE);
  }

  public RunMeasurement measure(RunObservations o, Target target, Recovery recovery) {
    Instant fault = o.faultAt();
    Optional<Instant> firstSuccess = fault == null ? Optional.empty()
        : firstSuccessfulWriteSentAfter(o.attempts(), fault, recovery);
    List<AckedWrite> lost = lostWrites(o);
    List<Attempt> writes = o.attempts().stream().filter(Attempt::isWrite).toList();
    RunMeasurement unjudged = new RunMeasurement(o.scenario(), o.run(), o.startedAt(), fault,
        firstSuccess.orElse(null), firstSuccess.map(t -> secondsBetween(fault, t)).orElse(null),
        phaseSeconds(o, Phase.DETECTION), phaseSeconds(o, Phase.PROMOTION),
        phaseSeconds(o, Phase.REROUTING), o.acked().size(), ackedBefore(o.acked(), fault),
        lost.size(), lost,
        DuplicateWrites.count(o.storedNotes()), DuplicateWrites.extraCopies(o.storedNotes()),
        rpoSeconds(lost, fault),
        o.verificationComplete(), writes.size(),
        (int) writes.stream().filter(a -> !a.ok()).count(),
        new TimeSeries(o.startedAt(), bucket).of(o.attempts()), o.events(), false, List.of(),
        failedAnswers(writes), slowestAcknowledged(writes),
        o.probes() == null ? null : o.probes().acknowledgedAfterLeaseLost(),
        o.probes() == null ? null : o.probes().dualPrimaryWindowSeconds());
    List<String> misses = new ArrayList<>(o.problems());
    misses.addAll(target.misses(unjudged));
    return unjudged.judged(misses);
  }

  /**
   * The end of the outage the clients saw: the first successful write that was sent at or after
   * the fault and completed after the first failure following the fault (if any failed at all).
   * Writes in flight when the fault hit do not count, nor do successes the old leader still
   * served before clients started failing (a switchover takes a moment to take effect), nor
   * replays of a write made before (a retry answered from the idempotency record proves nothing
   * is written again: the first isolated-primary drill measured a 2 s "RTO" that way). Only
   * successes that {@code recovery} counts end the outage.
   */
  public static Optional<Instant> firstSuccessfulWriteSentAfter(List<Attempt> attempts, Instant fault,
      Recovery recovery) {
    Optional<Instant> outageSeen = attempts.stream()
        .filter(a -> a.isWrite() && !a.ok() && !a.doneAt().isBefore(fault))
        .map(Attempt::doneAt)
        .min(Comparator.naturalOrder());
    return attempts.stream()
        .filter(a -> a.isWrite() && a.ok() && !a.replayed() && !a.sentAt().isBefore(fault)
            && recovery.counts(a))
        .filter(a -> outageSeen.map(seen -> a.doneAt().isAfter(seen)).orElse(true))
        .map(Attempt::doneAt)
        .min(Comparator.naturalOrder());
  }

  /**
   * What the failed write attempts got. The client records no answer as status 0, whether the
   * connection was refused or its timeout ran out; the time it waited tells them apart.
   */
  static Map<String, Integer> failedAnswers(List<Attempt> writes) {
    Map<String, Integer> answers = new TreeMap<>();
    for (Attempt a : writes) {
      if (!a.ok()) {
        String answer = a.status() > 0 ? "HTTP " + a.status()
            : Duration.between(a.sentAt(), a.doneAt()).compareTo(NO_ANSWER_IS_A_TIMEOUT) >= 0
                ? "timed out" : "refused or reset";
        answers.merge(answer, 1, Integer::sum);
      }
    }
    return answers;
  }

  static Double slowestAcknowledged(List<Attempt> writes) {
    return writes.stream().filter(Attempt::ok).map(Attempt::latency).max(Comparator.naturalOrder())
        .map(d -> d.toMillis() / 1000.0).orElse(null);
  }

  private static final Duration NO_ANSWER_IS_A_TIMEOUT = Duration.ofSeconds(1);

  static List<AckedWrite> lostWrites(RunObservations o) {
    return o.acked().stream().filter(w -> !o.foundNoteIds().contains(w.noteId())).toList();
  }

  /** Lost window: first lost acknowledgement → later of the fault and the last lost one. */
  static double rpoSeconds(List<AckedWrite> lost, Instant fault) {
    if (lost.isEmpty()) {
      return 0;
    }
    Instant first = lost.stream().map(AckedWrite::ackAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = lost.stream().map(AckedWrite::ackAt).max(Comparator.naturalOrder()).orElseThrow();
    Instant end = fault != null && fault.isAfter(last) ? fault : last;
    return secondsBetween(first, end);
  }

  private static int ackedBefore(List<AckedWrite> acked, Instant fault) {
    if (fault == null) {
      return acked.size();
    }
    return (int) acked.stream().filter(w -> w.ackAt().isBefore(fault)).count();
  }

  private static Double phaseSeconds(RunObservations o, Phase phase) {
    if (o.faultAt() == null) {
      return null;
    }
    return o.events().stream()
        .filter(e -> e.phase() == phase && !e.at().isBefore(o.faultAt()))
        .map(ControllerEvent::at)
        .min(Comparator.naturalOrder())
        .map(t -> secondsBetween(o.faultAt(), t))
        .orElse(null);
  }

  static double secondsBetween(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
