package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.ServiceUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The local cluster's pgBackRest files. Both repositories live in the witness's folder
 * ({@code DIR/witness/pgbackrest/repo1}, {@code repo2}); repo2 stands in for the encrypted GCS
 * repository and is encrypted the same way. Each data node has its own
 * {@code DIR/<node>/pgbackrest/pgbackrest.conf} for {@code archive-push} (its own data folder);
 * the witness's file names both nodes, so a backup finds whichever is primary.
 */
public final class LocalBackups {

  private final Path stateDir;
  private final BackupPolicy policy;

  public LocalBackups(Path stateDir, BackupPolicy policy) {
    this.stateDir = stateDir.toAbsolutePath();
    this.policy = policy;
  }

  public BackupPolicy policy() {
    return policy;
  }

  public Path root() {
    return stateDir.resolve(NodeName.WITNESS.id()).resolve("pgbackrest");
  }

  public Path repository(int index) {
    return root().resolve("repo" + index);
  }

  /** The witness's configuration: backups, info, check and restores run with it. */
  public Path repositoryHostConfig() {
    return root().resolve("pgbackrest.conf");
  }

  public Path nodeConfig(NodeName node) {
    return stateDir.resolve(node.id()).resolve("pgbackrest").resolve("pgbackrest.conf");
  }

  /** A data node's PostgreSQL folder and socket folder, as PatroniNode lays them out. */
  public static PgBackRestConf.Database localDatabase(Path patroniDir, int port) {
    return new PgBackRestConf.Database(null, patroniDir.resolve("data").toString(), port,
        patroniDir.resolve("run").toString());
  }

  /** Writes the node's file (before its Patroni starts: archive_command names it). */
  public Path writeNodeConfig(NodeName node, ClusterLayout layout) {
    Path file = nodeConfig(node);
    write(file, PgBackRestConf.of(policy.stanza(), global(), List.of(database(node, layout))),
        "pgBackRest on " + node.id() + ": archive-push from its PostgreSQL to both repositories");
    return file;
  }

  public Path writeRepositoryHostConfig(ClusterLayout layout) {
    Path file = repositoryHostConfig();
    write(file, PgBackRestConf.of(policy.stanza(), global(),
            List.of(database(NodeName.NODE_A, layout), database(NodeName.NODE_B, layout))),
        "pgBackRest on the witness: backups of whichever node is primary");
    return file;
  }

  /** The same repositories with one scratch PostgreSQL folder: what a restore writes into. */
  public Path writeRestoreConfig(Path into, int port) {
    Path file = into.resolve("pgbackrest.conf");
    write(file, PgBackRestConf.of(policy.stanza(), global(), List.of(
            new PgBackRestConf.Database(null, into.resolve("data").toString(), port,
                into.resolve("run").toString()))),
        "pgBackRest for the scratch restore in " + into + " (reads the repositories, never writes them)");
    return file;
  }

  Map<String, String> global() {
    Map<String, String> g = new LinkedHashMap<>();
    g.put("repo1-path", repository(1).toString());
    g.put("repo1-retention-full", Integer.toString(policy.localFullRetention()));
    g.put("repo1-retention-diff", Integer.toString(policy.localDiffRetention()));
    g.put("repo2-path", repository(2).toString());
    g.put("repo2-retention-full", Integer.toString(policy.offsiteFullRetention()));
    g.put("repo2-cipher-type", policy.offsiteCipher());
    g.put("repo2-cipher-pass", cipherPass());
    g.put("compress-type", "lz4");
    g.put("start-fast", "y");
    g.put("log-path", root().resolve("log").toString());
    g.put("log-level-console", "warn");
    g.put("log-level-file", "info");
    // per cluster: the default /tmp/pgbackrest would be shared by every cluster on the machine
    g.put("lock-path", root().resolve("lock").toString());
    return g;
  }

  private PgBackRestConf.Database database(NodeName node, ClusterLayout layout) {
    return localDatabase(stateDir.resolve(node.id()).resolve("patroni"), layout.ports(node).postgres());
  }

  /** repo2's key, generated once and kept beside the repositories (mode 600). */
  private String cipherPass() {
    Path file = root().resolve("repo2-cipher-pass");
    try {
      if (!Files.isRegularFile(file)) {
        byte[] key = new byte[36];
        new SecureRandom().nextBytes(key);
        ConfigFiles.writeText(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files hold repo2's key: readable by the database user only, which runs pgBackRest. */
  private void write(Path file, PgBackRestConf conf, String header) {
    ConfigFiles.writeText(file, conf.render(header + " (written by edgectl)"));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      Files.createDirectories(repository(1));
      Files.createDirectories(repository(2));
      Files.createDirectories(root().resolve("log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ServiceUser.own(file.getParent());
    ServiceUser.own(root());
  }
}
