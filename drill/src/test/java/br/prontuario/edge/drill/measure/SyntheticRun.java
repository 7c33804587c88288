package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.load.StoredNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds a run's observations on a synthetic timeline, in seconds from T0. */
final class SyntheticRun {

  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private final List<Attempt> attempts = new ArrayList<>();
  private final List<AckedWrite> acked = new ArrayList<>();
  private final Set<String> found = new HashSet<>();
  private final List<StoredNote> stored = new ArrayList<>();
  private final List<ControllerEvent> events = new ArrayList<>();
  private Double faultAt;
  private final List<String> problems = new ArrayList<>();
  private boolean verified = true;
  private long sequence;

  static Instant at(double seconds) {
    return T0.plusNanos((long) (seconds * 1e9));
  }

  SyntheticRun fault(double at) {
    this.faultAt = at;
    return this;
  }

  /** An acknowledged write; {@code kept} says whether the read-back finds it. */
  SyntheticRun ok(double sent, double done, boolean kept) {
    sequence++;
    attempts.add(new Attempt(Attempt.Kind.WRITE, 1, sequence, at(sent), at(done), 201, true));
    String id = "note-" + sequence;
    acked.add(new AckedWrite("p1", id, 1, sequence, "k" + sequence, at(sent), at(done)));
    if (kept) {
      found.add(id);
      stored.add(new StoredNote("p1", id, "note #" + sequence));
    }
    return this;
  }

  /** A retry answered from the idempotency record of a write made before: nothing new written. */
  SyntheticRun replayed(double sent, double done) {
    attempts.add(new Attempt(Attempt.Kind.WRITE, 1, sequence, at(sent), at(done), 201, true, false,
        true));
    return this;
  }

  /** The last acknowledged write is stored once more: a second record for the same note. */
  SyntheticRun storedTwice() {
    stored.add(new StoredNote("p1", "copy-of-" + sequence, "note #" + sequence));
    return this;
  }

  /** An acknowledged write the cloud's emergency deployment served; found by the read-back. */
  SyntheticRun okInCloud(double sent, double done) {
    sequence++;
    attempts.add(new Attempt(Attempt.Kind.WRITE, 1, sequence, at(sent), at(done), 201, true, true));
    String id = "note-" + sequence;
    acked.add(new AckedWrite("p1", id, 1, sequence, "k" + sequence, at(sent), at(done)));
    found.add(id);
    return this;
  }

  SyntheticRun failed(double sent, double done, int status) {
    attempts.add(new Attempt(Attempt.Kind.WRITE, 1, sequence + 1, at(sent), at(done), status, false));
    return this;
  }

  SyntheticRun setupFailed(double sent, double done) {
    attempts.add(new Attempt(Attempt.Kind.SETUP, 1, 0, at(sent), at(done), 0, false));
    return this;
  }

  SyntheticRun event(double at, ControllerEvent.Phase phase) {
    events.add(new ControllerEvent(at(at), phase, phase.name()));
    return this;
  }

  SyntheticRun problem(String problem) {
    problems.add(problem);
    return this;
  }

  SyntheticRun verificationIncomplete() {
    verified = false;
    return this;
  }

  RunObservations observations() {
    return new RunObservations("primary-crash", 1, T0, faultAt == null ? null : at(faultAt),
        at(60), attempts, acked, found, stored, verified, events, problems);
  }

  RunMeasurement measure(Target target) {
    return measure(target, Recovery.ANY_SITE);
  }

  RunMeasurement measure(Target target, Recovery recovery) {
    return new RunMeasurer(java.time.Duration.ofSeconds(1)).measure(observations(), target, recovery);
  }
}
