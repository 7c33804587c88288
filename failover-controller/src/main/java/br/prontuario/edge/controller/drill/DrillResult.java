package br.prontuario.edge.controller.drill;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * One drill run as {@code edgectl drill} reports it.
 *
 * @param rtoSeconds null when the scenario has no fault (health-check validation, the restore
 *     drill) or never recovered
 * @param lostAcknowledgedWrites for the restore drill: notes acknowledged before the mark that the
 *     restored database lacks
 * @param duplicatedWrites acknowledged notes stored more than once (one idempotency key, two
 *     records); null from a drill client that predates the count, and from the restore drill
 * @param rpoSeconds for the restore drill: the archive lag, from the mark until its WAL file was
 *     archived (what a restore from the repositories alone would lose: the backups' RPO)
 * @param restoreSeconds only from the restore drill: pgBackRest's copy plus PostgreSQL's replay to
 *     the mark; null when not measured
 */
public record DrillResult(
    @NotNull @Pattern(regexp = SCENARIOS + "|" + RESTORE) String scenario,
    @PositiveOrZero Double rtoSeconds,
    @NotNull @Min(0) Integer lostAcknowledgedWrites,
    @Min(0) Integer duplicatedWrites,
    @PositiveOrZero double rpoSeconds,
    boolean passed,
    Instant finishedAt,
    @PositiveOrZero Double restoreSeconds) {

  /** The failover scenarios of {@code edgectl drill} (module drill, {@code Scenario}). */
  static final String SCENARIOS = "health-check-validation|primary-crash|primary-freeze"
      + "|primary-app-crash|standby-crash|planned-switchover|dual-failure-cloud|failback"
      + "|witness-and-standby-freeze|witness-loss|isolated-primary|standby-isolated|flapping-link"
      + "|witness-and-leader-loss|rolling-upgrade|postgres-minor-upgrade";

  /** {@code edgectl drill restore}: its own series ({@link LastRestoreDrill}), not {@code last_drill_*}. */
  static final String RESTORE = "restore";

  /** A failover drill's run, which carries no restore time. */
  public DrillResult(String scenario, Double rtoSeconds, Integer lostAcknowledgedWrites, Integer duplicatedWrites,
      double rpoSeconds, boolean passed, Instant finishedAt) {
    this(scenario, rtoSeconds, lostAcknowledgedWrites, duplicatedWrites, rpoSeconds, passed, finishedAt, null);
  }

  boolean isRestore() {
    return RESTORE.equals(scenario);
  }
}
