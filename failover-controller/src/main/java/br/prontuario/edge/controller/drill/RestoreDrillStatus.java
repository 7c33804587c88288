package br.prontuario.edge.controller.drill;

import java.time.Instant;

/**
 * What the controller knows of the restore drill; the file {@code last-restore-drill.json} in its
 * state folder holds it.
 *
 * @param ranAt when the last restore drill run ended; null when none is known
 * @param passed whether that run was exact; null when none is known
 * @param passedAt when the last run that passed ended; null when none is known
 * @param restoreSeconds the last run's restore time; null when it measured none
 * @param archiveLagSeconds the last run's archive lag; null when it measured none
 */
record RestoreDrillStatus(Instant ranAt, Boolean passed, Instant passedAt, Double restoreSeconds,
    Double archiveLagSeconds) {

  static final RestoreDrillStatus NONE = new RestoreDrillStatus(null, null, null, null, null);

  /** After a run the drill reported, received at {@code at}. */
  RestoreDrillStatus reported(DrillResult run, Instant at) {
    return new RestoreDrillStatus(at, run.passed(), run.passed() ? at : passedAt, run.restoreSeconds(),
        run.rpoSeconds());
  }

  /** After a scheduled run that ended at {@code at} without reporting: it did not pass, nothing measured. */
  RestoreDrillStatus unreported(Instant at) {
    return new RestoreDrillStatus(at, false, passedAt, null, null);
  }

  /** True when a run ended at or after {@code since}. */
  boolean ranSince(Instant since) {
    return ranAt != null && !ranAt.isBefore(since);
  }
}
