package br.prontuario.edge.ctl.drill.restore;

import java.time.Duration;
import java.time.Instant;

/**
 * One restore drill run.
 *
 * @param archiveLag from the mark until the WAL file holding it was archived: what a restore from
 *     the repositories alone would have lost at that moment (the backups' RPO)
 * @param restoreTime pgBackRest copying the backup, then PostgreSQL replaying WAL to the mark
 * @param auditIntact the restored audit chain verifies
 */
public record RestoreRun(int run, int repo, Instant mark, Duration archiveLag, Duration restoreTime,
    Duration recoveryTime, long databaseBytes, RestoreCheck notes, boolean auditIntact, String auditDetail) {

  public boolean passed() {
    return notes.exact() && auditIntact;
  }
}
