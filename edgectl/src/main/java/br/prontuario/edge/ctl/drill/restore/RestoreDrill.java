package br.prontuario.edge.ctl.drill.restore;

import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.scenario.ClusterFile;
import br.prontuario.edge.localcluster.backup.RestoreTarget;
import br.prontuario.edge.localcluster.backup.ScratchRestore;
import br.prontuario.edge.localcluster.backup.WalArchive;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Write under load, mark a moment, keep writing until the mark's WAL is archived, restore to the
 * mark into a scratch server, and compare its notes with what the clients were told.
 */
public final class RestoreDrill {

  private static final Duration FIRST_ACK = Duration.ofMinutes(2);
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration AFTER_ARCHIVED = Duration.ofSeconds(3);
  private static final Duration ARCHIVE_PATIENCE = Duration.ofMinutes(3);

  private final EdgeCluster cluster;
  private final ClusterFile clusterFile;
  private final int clients;
  private final Clock clock;
  private final Consumer<String> progress;

  public RestoreDrill(EdgeCluster cluster, ClusterFile clusterFile, int clients, Clock clock,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.clusterFile = clusterFile;
    this.clients = clients;
    this.clock = clock;
    this.progress = progress;
  }

  public RestoreRun run(int run, int repo, Path scratch) {
    WalArchive archive = new WalArchive(cluster);
    LoadGenerator load = new LoadGenerator(LoadPlan.of(clusterFile.entrypoint(), clusterFile.caCertificate(),
        clusterFile.username(), clusterFile.password(), clients, Duration.ofMinutes(10)),
        "restore-drill-" + run + "-" + UUID.randomUUID(), clock);
    load.start();
    Instant mark;
    Duration archiveLag;
    LoadResult result;
    try {
      Instant firstDeadline = clock.instant().plus(FIRST_ACK);
      while (load.ackedSoFar() < clients) {
        if (clock.instant().isAfter(firstDeadline)) {
          throw new IllegalStateException("fewer than " + clients + " notes acknowledged in "
              + FIRST_ACK.toSeconds() + " s; is the entry point serving?");
        }
        pause(Duration.ofMillis(200));
      }
      pause(WARM_UP);
      mark = clock.instant();
      String walAtMark = archive.currentWalFile();
      progress.accept("run " + run + ": marked " + mark + " (WAL " + walAtMark + "), writing on until it is archived");
      archiveLag = archive.awaitArchived(walAtMark, ARCHIVE_PATIENCE);
      pause(AFTER_ARCHIVED);
    } finally {
      load.stop();
      result = load.awaitStopped(Duration.ofSeconds(10));
    }
    // everything acknowledged must be in the archive before restoring (a commit after the mark
    // is what tells recovery where to stop)
    String last = archive.currentWalFile();
    archive.switchWal();
    archive.awaitArchived(last, ARCHIVE_PATIENCE);
    progress.accept("run " + run + ": " + result.acked().size() + " notes acknowledged; restoring from repo" + repo);
    var restored = new ScratchRestore(cluster).restore(new RestoreTarget(mark), scratch, repo);
    try {
      RestoreCheck notes = RestoreCheck.of(result.acked(), mark, restoredNotes(restored.jdbcUrl(), result));
      AuditChainVerifier.Result audit = verifyAudit(restored.jdbcUrl());
      return new RestoreRun(run, repo, mark, archiveLag, restored.restoreTime(), restored.recoveryTime(),
          restored.databaseBytes(), notes, audit instanceof AuditChainVerifier.Intact, audit.toString());
    } finally {
      ScratchRestore.stop(scratch);
      deleteTree(scratch);
    }
  }

  private Set<String> restoredNotes(String url, LoadResult result) {
    try (Connection c = appConnection(url);
        var ps = c.prepareStatement("SELECT id::text FROM notes WHERE patient_id = ANY (?::uuid[])")) {
      ps.setArray(1, c.createArrayOf("text", result.patientIds().toArray()));
      Set<String> ids = new HashSet<>();
      try (var rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the restored notes: " + e.getMessage(), e);
    }
  }

  private AuditChainVerifier.Result verifyAudit(String url) {
    try (Connection c = appConnection(url)) {
      return new AuditChainVerifier().verify(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the restored audit log: " + e.getMessage(), e);
    }
  }

  private Connection appConnection(String url) throws SQLException {
    return DriverManager.getConnection(url, cluster.config().postgres().appUser(), cluster.secrets().appPassword());
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The scratch folder of a finished run: hundreds of MB each, nothing to keep. */
  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
