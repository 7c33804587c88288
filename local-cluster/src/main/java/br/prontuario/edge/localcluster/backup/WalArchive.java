package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.process.Pause;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * How far WAL archiving is behind the primary, read from the primary itself: the WAL file that
 * holds a given moment's writes, and when {@code pg_stat_archiver} reports it archived. The time
 * between the two is the backups' recovery point: what a restore from the repositories alone
 * would lose.
 */
public final class WalArchive {

  private final EdgeCluster cluster;

  public WalArchive(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  /** The WAL file that is being written now on the primary. */
  public String currentWalFile() {
    return query("SELECT pg_walfile_name(pg_current_wal_lsn())");
  }

  /** Closes the current WAL file so it is archived now rather than at archive_timeout. */
  public void switchWal() {
    query("SELECT pg_switch_wal()::text");
  }

  /** Waits until {@code walFile} (or a later one) is archived; returns how long that took. */
  public Duration awaitArchived(String walFile, Duration timeout) {
    Instant start = Instant.now();
    Instant deadline = start.plus(timeout);
    while (true) {
      String last = lastArchived();
      // WAL file names of one timeline sort in write order; a later timeline sorts after
      if (last != null && last.length() == walFile.length() && last.compareTo(walFile) >= 0) {
        return Duration.between(start, Instant.now());
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("WAL file " + walFile + " not archived after "
            + timeout.toSeconds() + " s (last archived: " + last + "; failed: " + lastFailed() + ")");
      }
      Pause.millis(200);
    }
  }

  public String lastArchived() {
    return query("SELECT last_archived_wal FROM pg_stat_archiver");
  }

  private String lastFailed() {
    return query("SELECT coalesce(last_failed_wal, 'none') FROM pg_stat_archiver");
  }

  private String query(String sql) {
    try (Connection c = DriverManager.getConnection(cluster.jdbcUrl("postgres"),
        PatroniConfig.SUPERUSER, cluster.secrets().superuserPassword());
        var s = c.createStatement(); var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the primary's WAL archiver: " + e.getMessage(), e);
    }
  }
}
