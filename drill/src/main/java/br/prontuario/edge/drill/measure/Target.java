package br.prontuario.edge.drill.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The seed's recovery objective for a kind of failure (004, "Objetivos Tempo Recuperação").
 *
 * @param maxRto RTO must stay strictly below this; null where the seed sets none
 * @param maxRpo {@link Duration#ZERO} means no acknowledged write may be lost; otherwise the
 *     window of lost acknowledged writes must stay strictly below it
 * @param noFailedWrites every write must succeed (drills that promise zero downtime)
 */
public record Target(Duration maxRto, Duration maxRpo, boolean noFailedWrites) {

  /** Primary Mac Studio failure: RTO under 30 s, RPO 0. */
  public static final Target PRIMARY_FAILURE = new Target(Duration.ofSeconds(30), Duration.ZERO, false);
  /** Both Mac Studios lost: RTO under 5 min, RPO under 60 s. */
  public static final Target BOTH_NODES_LOST =
      new Target(Duration.ofMinutes(5), Duration.ofSeconds(60), false);
  /**
   * Back from the cloud: the seed sets no failback RTO, so the both-nodes bound is the floor; every
   * acknowledged write, at either site, must be on the edge afterwards.
   */
  public static final Target FAILBACK = new Target(Duration.ofMinutes(5), Duration.ZERO, false);
  /**
   * Planned moves (a switchover, a rolling upgrade): within the primary-failure bound, and not one
   * failed client request, since edge-node holds requests through the switchover.
   */
  public static final Target NO_FAILED_WRITES =
      new Target(Duration.ofSeconds(30), Duration.ZERO, true);
  /** Daily health-check validation: 0 s downtime, nothing lost. */
  public static final Target NO_DOWNTIME = new Target(null, Duration.ZERO, true);

  public Target {
    if (maxRpo == null || maxRpo.isNegative()) {
      throw new IllegalArgumentException("maxRpo must be zero or positive");
    }
  }

  /** The reasons a run misses this target; empty when it passes. */
  public List<String> misses(RunMeasurement m) {
    List<String> misses = new ArrayList<>();
    if (!m.verificationComplete()) {
      misses.add("acknowledged writes could not all be read back");
    }
    if (m.faultAt() != null && m.rtoSeconds() == null) {
      misses.add("no write succeeded after the fault");
    }
    if (maxRto != null && m.rtoSeconds() != null && m.rtoSeconds() >= seconds(maxRto)) {
      misses.add(String.format(Locale.ROOT, "RTO %.1f s is not below %d s", m.rtoSeconds(),
          maxRto.toSeconds()));
    }
    if (maxRpo.isZero() && m.lostAcknowledgedWrites() > 0) {
      misses.add(m.lostAcknowledgedWrites() + " acknowledged writes lost");
    }
    if (m.writesAckedByIsolatedPrimary() != null && m.writesAckedByIsolatedPrimary() > 0) {
      misses.add(m.writesAckedByIsolatedPrimary() + " commits acknowledged by a cut-off node after"
          + " it lost the leader lease");
    }
    if (m.dualPrimaryWindowSeconds() != null && m.dualPrimaryWindowSeconds() > 0) {
      misses.add(String.format(Locale.ROOT, "two nodes acknowledged commits at once for %.1f s",
          m.dualPrimaryWindowSeconds()));
    }
    if (m.duplicatedWrites() > 0) {
      misses.add(m.duplicatedWrites() + " writes stored twice");
    }
    if (!maxRpo.isZero() && m.rpoSeconds() >= seconds(maxRpo)) {
      misses.add(String.format(Locale.ROOT, "RPO %.1f s is not below %d s", m.rpoSeconds(),
          maxRpo.toSeconds()));
    }
    if (noFailedWrites && m.failedWrites() > 0) {
      misses.add(m.failedWrites() + " writes failed where no downtime is allowed");
    }
    return misses;
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
