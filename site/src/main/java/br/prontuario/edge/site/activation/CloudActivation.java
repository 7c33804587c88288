package br.prontuario.edge.site.activation;

import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Activation of the cloud site, written once: note what the standby has replayed, remove
 * {@code standby_cluster} (Patroni promotes), wait for a primary, route clinicians to the cloud
 * and record the fork point. Used by {@code edgectl cloud activate} and by failback when the
 * controller promoted the cloud without recording one.
 */
public final class CloudActivation {

  private static final Duration POLL = Duration.ofMillis(200);

  private final CloudDatabase database;
  private final PatroniClient patroni;
  private final String patroniUrl;
  private final Path cloudDir;
  private final Clock clock;

  /**
   * @param patroniUrl the cloud member's Patroni REST API
   * @param cloudDir where the fork point is recorded
   */
  public CloudActivation(CloudDatabase database, PatroniClient patroni, String patroniUrl,
      Path cloudDir, Clock clock) {
    this.database = database;
    this.patroni = patroni;
    this.patroniUrl = patroniUrl;
    this.cloudDir = cloudDir;
    this.clock = clock;
  }

  /** {@code route} runs once the cloud is primary; {@code null} = no routing step. */
  public ActivationOutcome activate(Runnable route, Duration timeout) {
    Instant started = clock.instant();
    Replayed replayed = database.isPrimary() ? Replayed.NONE : replayed();
    PatroniReply detached = patroni.removeStandbyCluster(patroniUrl);
    if (!detached.accepted()) {
      return new ActivationOutcome.NotPromoted("cloud Patroni refused PATCH /config ("
          + detached.status() + "): " + detached.message());
    }
    if (!promotedWithin(timeout)) {
      return new ActivationOutcome.NotPromoted("Patroni did not promote the cloud standby within "
          + timeout + ": " + patroni.node(patroniUrl).map(Object::toString).orElse("no answer"));
    }
    Instant promotedAt = clock.instant();
    int timeline = timeline();
    if (route != null) {
      route.run();
    }
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    ForkPoint fork = new ForkPoint(replayed.lsn, timeline, promotedAt,
        replayed.transactionAt, replayed.heartbeat, seconds);
    fork.write(cloudDir);
    return new ActivationOutcome.Activated(fork);
  }

  private boolean promotedWithin(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (database.isPrimary()) {
        return true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return database.isPrimary();
  }

  private record Replayed(String lsn, Instant transactionAt, Instant heartbeat) {
    static final Replayed NONE = new Replayed(null, null, null);
  }

  private Replayed replayed() {
    try (Connection c = database.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_last_wal_replay_lsn()::text,"
            + " pg_last_xact_replay_timestamp(),"
            + " (SELECT beat_at FROM replication_heartbeat WHERE id = 1)")) {
      rs.next();
      return new Replayed(rs.getString(1), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the standby's replay position: "
          + e.getMessage(), e);
    }
  }

  private int timeline() {
    try (Connection c = database.connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)")) {
      rs.next();
      return Integer.parseInt(rs.getString(1), 16);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the new timeline: " + e.getMessage(), e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
