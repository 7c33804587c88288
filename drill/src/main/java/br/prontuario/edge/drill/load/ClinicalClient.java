package br.prontuario.edge.drill.load;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One simulated clinician: creates a synthetic patient, then writes numbered evolution notes at a
 * steady pace, retrying an unacknowledged note with the same Idempotency-Key at the next target
 * (as the iPhone app does: the entry point, then each node's edge-node; see {@link Targets}), so
 * a retried write can never become two notes: the drill counts those that do.
 */
final class ClinicalClient implements Runnable {

  private final int id;
  private final String runId;
  private final Targets targets;
  private final LoadPlan plan;
  private final LoadRecorder recorder;
  private final Clock clock;
  private final BooleanSupplier keepGoing;

  ClinicalClient(int id, String runId, Targets targets, LoadPlan plan, LoadRecorder recorder,
      Clock clock, BooleanSupplier keepGoing) {
    this.id = id;
    this.runId = runId;
    this.targets = targets;
    this.plan = plan;
    this.recorder = recorder;
    this.clock = clock;
    this.keepGoing = keepGoing;
  }

  @Override
  public void run() {
    String patientId = createPatient();
    long sequence = 1;
    while (patientId != null && keepGoing.getAsBoolean()) {
      Instant sentAt = clock.instant();
      String key = runId + "-c" + id + "-" + sequence;
      EdgeApi target = targets.current();
      ApiResponse r = target.writeNote(patientId,
          "Evolução de simulação " + runId + " #" + sequence, key);
      Instant doneAt = clock.instant();
      String noteId = r.ok() ? r.createdId() : null;
      targets.answered(noteId != null);
      recorder.attempt(new Attempt(Attempt.Kind.WRITE, id, sequence, sentAt, doneAt, r.status(),
          noteId != null, r.emergency(), r.replayed()));
      if (noteId != null) {
        recorder.acked(new AckedWrite(patientId, noteId, id, sequence, key, sentAt, doneAt,
            target.target(), r.emergency(), r.servedBy()));
        if (sequence % plan.readEvery() == 0) {
          read(patientId, sequence);
        }
        sequence++;
      }
      pace(sentAt);
    }
  }

  private String createPatient() {
    while (keepGoing.getAsBoolean()) {
      Instant sentAt = clock.instant();
      // synthetic patient: the drill never touches real records
      ApiResponse r = targets.current().createPatient(syntheticName(), "1970-01-01", "female",
          runId + "-c" + id + "-patient");
      targets.answered(r.ok() && r.text("id") != null);
      recorder.attempt(new Attempt(Attempt.Kind.SETUP, id, 0, sentAt, clock.instant(), r.status(),
          r.ok() && r.text("id") != null));
      if (r.ok() && r.text("id") != null) {
        recorder.patient(r.text("id"));
        return r.text("id");
      }
      pace(sentAt);
    }
    return null;
  }

  /** Names allow letters only: the run and client numbers are spelled as letters. */
  private String syntheticName() {
    return "Paciente Simulação " + letters(runId.hashCode() & 0x7fffffff) + " " + letters(id);
  }

  static String letters(long n) {
    StringBuilder s = new StringBuilder();
    do {
      s.insert(0, (char) ('A' + n % 26));
      n /= 26;
    } while (n > 0);
    return s.toString();
  }

  private void read(String patientId, long sequence) {
    Instant sentAt = clock.instant();
    ApiResponse r = targets.current().listNotes(patientId, 20, null);
    recorder.attempt(new Attempt(Attempt.Kind.READ, id, sequence, sentAt, clock.instant(),
        r.status(), r.ok(), r.emergency()));
  }

  private void pace(Instant sentAt) {
    Duration wait = Duration.between(clock.instant(), sentAt.plus(plan.interval()));
    if (!wait.isNegative() && !wait.isZero()) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
