package br.prontuario.edge.drill.load;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe log of every attempt and every acknowledged write of a run. */
final class LoadRecorder {

  private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<AckedWrite> acked = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> patientIds = new ConcurrentLinkedQueue<>();
  private final AtomicInteger writeAttempts = new AtomicInteger();

  void attempt(Attempt attempt) {
    if (attempt.isWrite()) {
      writeAttempts.incrementAndGet();
    }
    attempts.add(attempt);
  }

  void acked(AckedWrite write) {
    acked.add(write);
  }

  void patient(String id) {
    patientIds.add(id);
  }

  int writeAttempts() {
    return writeAttempts.get();
  }

  int ackedCount() {
    return acked.size();
  }

  LoadResult snapshot() {
    return new LoadResult(List.copyOf(attempts), List.copyOf(acked), List.copyOf(patientIds));
  }
}
