package br.prontuario.edge.localcluster.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real pgBackRest against the real two-node Patroni cluster (no apps): the stanza and first full
 * backups, archiving from the primary, a point-in-time restore into a scratch server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PointInTimeRestoreIT {

  private EdgeCluster cluster;
  private ClusterBackups backups;
  private Path target;
  private final List<Path> restored = new ArrayList<>();

  @BeforeAll
  void startCluster() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    target = Files.createDirectories(module.resolve("target"));
    Path repo = module.getParent();
    cluster = EdgeCluster.infrastructureAt(Files.createTempDirectory(target, "backup-cluster-"),
        ClusterConfigLoader.loadFromRepository(repo), repo);
    cluster.start();
    backups = new ClusterBackups(cluster);
    backups.ensureReady();
  }

  @AfterAll
  void stopCluster() {
    restored.forEach(dir -> {
      if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
        ScratchRestore.stop(dir);
      }
    });
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void upCreatesTheStanzaWithAFullBackupInBothRepositoriesAndTheCheckPasses() {
    assertThat(backups.backups(1)).extracting(ClusterBackups.BackupSet::type).contains("full");
    assertThat(backups.backups(2)).extracting(ClusterBackups.BackupSet::type).contains("full");
    assertThat(backups.ensureReady()).as("a second up takes no new full backup").isEmpty();
    assertThat(backups.check().ok()).as(backups.check().output()).isTrue();
  }

  @Test
  void theOffsiteRepositoryIsEncryptedAtRest() throws Exception {
    Path info = backups.files().repository(2).resolve("backup").resolve("edge").resolve("backup.info");
    String stored = new String(Files.readAllBytes(info), java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThat(stored).as("repo2's backup.info is OpenSSL-encrypted, not readable text")
        .startsWith("Salted__").doesNotContain("[backup:current]");
    Path clear = backups.files().repository(1).resolve("backup").resolve("edge").resolve("backup.info");
    assertThat(Files.readString(clear)).contains("[backup:current]");
  }

  @Test
  void restoresExactlyTheRowsCommittedBeforeTheTargetIntoAScratchServer() throws Exception {
    try (Connection c = primary(); var s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS pitr_probe (label text PRIMARY KEY)");
      s.execute("INSERT INTO pitr_probe VALUES ('before')");
    }
    Instant mark = Instant.now();
    try (Connection c = primary(); var s = c.createStatement()) {
      s.execute("INSERT INTO pitr_probe VALUES ('after')");
    }
    WalArchive archive = new WalArchive(cluster);
    String wal = archive.currentWalFile();
    archive.switchWal();
    archive.awaitArchived(wal, Duration.ofMinutes(2));

    Path into = target.resolve("restore-" + System.nanoTime());
    restored.add(into);
    var result = new ScratchRestore(cluster).restore(new RestoreTarget(mark), into, 2);

    try (Connection c = DriverManager.getConnection(result.jdbcUrl().replace("/prontuario", "/postgres"),
        PatroniConfig.SUPERUSER, cluster.secrets().superuserPassword()); var s = c.createStatement();
        var rs = s.executeQuery("SELECT string_agg(label, ',') FROM pitr_probe")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("before");
    }
    assertThat(result.port()).isNotIn(cluster.layout().ports(br.prontuario.edge.localcluster.config.NodeName.NODE_A).postgres(),
        cluster.layout().ports(br.prontuario.edge.localcluster.config.NodeName.NODE_B).postgres());
    assertThat(Files.readString(into.resolve("cluster.json"))).contains(result.jdbcUrl());
  }

  @Test
  void refusesToRestoreIntoAFolderThatIsNotEmpty() throws Exception {
    Path busy = Files.createTempDirectory(target, "busy-");
    Files.writeString(busy.resolve("keep.txt"), "not ours");
    assertThatThrownBy(() -> new ScratchRestore(cluster).restore(RestoreTarget.parse("2026-01-01 00:00:00"), busy, 1))
        .hasMessageContaining("is not empty");
    assertThat(busy.resolve("keep.txt")).hasContent("not ours");
  }

  private Connection primary() throws SQLException {
    return DriverManager.getConnection(cluster.layout().jdbcUrl("postgres"), PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword());
  }
}
