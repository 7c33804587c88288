package br.prontuario.edge.localcluster.cloud;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Activation of the local cloud site: note what the standby has replayed, remove
 * {@code standby_cluster} (Patroni promotes), wait for a primary, route clinicians to the cloud
 * (the entry HAProxy's backup server) and record the fork point.
 */
public final class CloudActivation {

  private final CloudDataPlane plane;
  private final String database;
  private final Clock clock;

  public CloudActivation(CloudDataPlane plane, String database, Clock clock) {
    this.plane = plane;
    this.database = database;
    this.clock = clock;
  }

  /** {@code entry} null = no routing step (e.g. tests without an entry HAProxy). */
  public ForkPoint activate(HaproxyCommands entry, String appHost, int appPort, Duration timeout) {
    Instant started = clock.instant();
    Replayed replayed = plane.isPrimary() ? Replayed.NONE : replayed();
    CloudPatroni.detachFromEdge(plane.ports());
    if (!Waits.until(plane::isPrimary, timeout, 200)) {
      throw new IllegalStateException("Patroni did not promote the cloud standby within " + timeout
          + ": " + CloudPatroni.state(plane.ports()));
    }
    Instant promotedAt = clock.instant();
    int timeline = timeline();
    if (entry != null) {
      entry.routeToCloud(appHost, appPort);
    }
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    ForkPoint fork = new ForkPoint(replayed.lsn, timeline, promotedAt,
        replayed.transactionAt, replayed.heartbeat, seconds);
    fork.write(plane.dir());
    return fork;
  }

  private record Replayed(String lsn, Instant transactionAt, Instant heartbeat) {
    static final Replayed NONE = new Replayed(null, null, null);
  }

  private Replayed replayed() {
    try (Connection c = plane.connect(database); Statement s = c.createStatement();
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
    try (Connection c = plane.connect(database); Statement s = c.createStatement();
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
