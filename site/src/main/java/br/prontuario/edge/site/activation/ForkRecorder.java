package br.prontuario.edge.site.activation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The fork point's two readings of the cloud database: what the standby replayed, taken before
 * the promotion, and the new timeline after it; then the {@link ForkPoint} file in the cloud folder.
 */
final class ForkRecorder {

  record Replayed(String lsn, Instant transactionAt, Instant heartbeat) {
    static final Replayed NONE = new Replayed(null, null, null);
  }

  private final CloudDatabase database;
  private final Path cloudDir;

  ForkRecorder(CloudDatabase database, Path cloudDir) {
    this.database = database;
    this.cloudDir = cloudDir;
  }

  /** Nothing when the cloud is a primary already (promoted by the controller). */
  Replayed beforePromotion() {
    if (database.isPrimary()) {
      return Replayed.NONE;
    }
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

  ForkPoint record(Replayed replayed, Instant promotedAt, double activationSeconds) {
    ForkPoint fork = new ForkPoint(replayed.lsn(), timeline(), promotedAt,
        replayed.transactionAt(), replayed.heartbeat(), activationSeconds);
    fork.write(cloudDir);
    return fork;
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
