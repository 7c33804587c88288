package br.prontuario.edge.localcluster.backup;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalBackupsTest {

  private static final ClusterLayout LAYOUT = ClusterLayout.local(
      ClusterConfigLoader.loadFromRepository(Path.of(System.getProperty("user.dir")).getParent()));

  @TempDir Path dir;

  @Test
  void eachNodeArchivesFromItsOwnDataFolderToBothRepositoriesInTheWitnessFolder() throws Exception {
    var backups = new LocalBackups(dir, BackupPolicy.STANDARD);
    String conf = Files.readString(backups.writeNodeConfig(NodeName.NODE_B, LAYOUT));
    assertThat(conf).contains("pg1-path=" + dir.resolve("node-b/patroni/data") + "\n",
        "pg1-port=" + LAYOUT.ports(NodeName.NODE_B).postgres() + "\n",
        "pg1-socket-path=" + dir.resolve("node-b/patroni/run") + "\n",
        "repo1-path=" + dir.resolve("witness/pgbackrest/repo1") + "\n",
        "repo2-path=" + dir.resolve("witness/pgbackrest/repo2") + "\n",
        "repo2-cipher-type=aes-256-cbc\n", "lock-path=" + dir.resolve("witness/pgbackrest/lock") + "\n")
        .doesNotContain("pg2-");
  }

  @Test
  void theWitnessNamesBothNodesSoABackupFindsWhicheverIsPrimary() throws Exception {
    var backups = new LocalBackups(dir, BackupPolicy.STANDARD);
    String conf = Files.readString(backups.writeRepositoryHostConfig(LAYOUT));
    assertThat(conf).contains("pg1-path=" + dir.resolve("node-a/patroni/data") + "\n",
        "pg2-path=" + dir.resolve("node-b/patroni/data") + "\n", "repo1-retention-full=2\n",
        "repo1-retention-diff=7\n", "repo2-retention-full=4\n");
  }

  @Test
  void theOffsiteKeyIsGeneratedOnceAndEveryFileHoldingItIsPrivate() throws Exception {
    var backups = new LocalBackups(dir, BackupPolicy.STANDARD);
    Path node = backups.writeNodeConfig(NodeName.NODE_A, LAYOUT);
    Path witness = backups.writeRepositoryHostConfig(LAYOUT);
    String key = option(node, "repo2-cipher-pass");
    assertThat(key).hasSizeGreaterThan(40);
    assertThat(option(witness, "repo2-cipher-pass")).isEqualTo(key);
    assertThat(option(new LocalBackups(dir, BackupPolicy.STANDARD).writeNodeConfig(NodeName.NODE_A, LAYOUT),
        "repo2-cipher-pass")).isEqualTo(key);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(node))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(witness))).isEqualTo("rw-------");
  }

  private static String option(Path file, String name) throws Exception {
    return Files.readAllLines(file).stream().filter(l -> l.startsWith(name + "="))
        .map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
  }
}
