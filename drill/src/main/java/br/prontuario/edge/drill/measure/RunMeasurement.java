package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.AckedWrite;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one drill run measured. Times in seconds from the fault; null where not observed.
 *
 * @param rtoSeconds fault → first successful write sent after it
 * @param lostAcknowledgedWrites acknowledged writes not found after recovery
 * @param lostWrites those writes, each with the target that acknowledged it
 * @param duplicatedWrites writes stored more than once (one note, two records; must be 0)
 * @param rpoSeconds window of lost acknowledged writes: from the first lost one to the later of the
 *     fault and the last lost one; 0 when nothing was lost
 * @param failedWriteAnswers the failed write attempts by what the client got: {@code HTTP 503},
 *     {@code timed out} (no answer within the client's timeout), {@code refused or reset}
 * @param slowestWriteSeconds the longest a write the clients got acknowledged waited for its
 *     answer (a request held through a switchover shows here); null when none was acknowledged
 * @param writesAckedByIsolatedPrimary commits a node acknowledged while it was cut off from the
 *     others ({@link CommitProbes#acknowledgedAfterLeaseLost()}); null where no link was cut
 * @param dualPrimaryWindowSeconds the longest time two nodes both acknowledged commits
 *     ({@link CommitProbes#dualPrimaryWindowSeconds()}); null where no link was cut
 */
public record RunMeasurement(String scenario, int run, Instant startedAt, Instant faultAt,
    Instant firstSuccessAt, Double rtoSeconds, Double detectionSeconds, Double promotionSeconds,
    Double reroutingSeconds, int ackedWrites, int ackedBeforeFault, int lostAcknowledgedWrites,
    List<AckedWrite> lostWrites, int duplicatedWrites, List<String> duplicateNoteIds,
    double rpoSeconds, boolean verificationComplete, int writeAttempts,
    int failedWrites, List<SeriesPoint> series, List<ControllerEvent> events, boolean passed,
    List<String> misses, Map<String, Integer> failedWriteAnswers, Double slowestWriteSeconds,
    Integer writesAckedByIsolatedPrimary, Double dualPrimaryWindowSeconds) {

  /** A run that cut no link: nothing to say about isolated primaries. */
  public RunMeasurement(String scenario, int run, Instant startedAt, Instant faultAt,
      Instant firstSuccessAt, Double rtoSeconds, Double detectionSeconds, Double promotionSeconds,
      Double reroutingSeconds, int ackedWrites, int ackedBeforeFault, int lostAcknowledgedWrites,
      List<AckedWrite> lostWrites, int duplicatedWrites, List<String> duplicateNoteIds,
      double rpoSeconds, boolean verificationComplete, int writeAttempts,
      int failedWrites, List<SeriesPoint> series, List<ControllerEvent> events, boolean passed,
      List<String> misses, Map<String, Integer> failedWriteAnswers, Double slowestWriteSeconds) {
    this(scenario, run, startedAt, faultAt, firstSuccessAt, rtoSeconds, detectionSeconds,
        promotionSeconds, reroutingSeconds, ackedWrites, ackedBeforeFault, lostAcknowledgedWrites,
        lostWrites, duplicatedWrites, duplicateNoteIds, rpoSeconds, verificationComplete,
        writeAttempts, failedWrites, series, events, passed, misses, failedWriteAnswers,
        slowestWriteSeconds, null, null);
  }

  public RunMeasurement {
    // reports written before the breakdown existed have none
    failedWriteAnswers = Collections.unmodifiableMap(
        new TreeMap<>(failedWriteAnswers == null ? Map.of() : failedWriteAnswers));
    lostWrites = List.copyOf(lostWrites);
    duplicateNoteIds = List.copyOf(duplicateNoteIds);
    series = List.copyOf(series);
    events = List.copyOf(events);
    misses = List.copyOf(misses);
  }

  /** This measurement judged: passed when there are no misses. */
  RunMeasurement judged(List<String> targetMisses) {
    return new RunMeasurement(scenario, run, startedAt, faultAt, firstSuccessAt, rtoSeconds,
        detectionSeconds, promotionSeconds, reroutingSeconds, ackedWrites, ackedBeforeFault,
        lostAcknowledgedWrites, lostWrites, duplicatedWrites, duplicateNoteIds, rpoSeconds, verificationComplete, writeAttempts,
        failedWrites, series, events, targetMisses.isEmpty(), targetMisses, failedWriteAnswers,
        slowestWriteSeconds, writesAckedByIsolatedPrimary, dualPrimaryWindowSeconds);
  }
}
