package br.prontuario.edge.localcluster.patroni;

import br.prontuario.edge.localcluster.backup.BackupPolicy;
import br.prontuario.edge.localcluster.backup.LocalBackups;
import br.prontuario.edge.localcluster.backup.PgBackRestArchiving;
import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.PatroniSettings;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.process.ServiceUser;
import br.prontuario.edge.localcluster.tls.ClusterCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * Launches Patroni for one node, as the unprivileged {@link ServiceUser} (PostgreSQL refuses
 * root). Patroni initialises or clones PostgreSQL in {@code dir/data} and runs it as its child.
 */
public final class PatroniNode {

  private PatroniNode() {}

  public static ManagedProcess start(NodeName node, ClusterLayout layout, PatroniSettings settings,
      ClusterSecrets secrets, ClusterCertificates.TlsFiles tls, Path postgresBinDir, Path dir,
      DetachedLaunch launch) {
    Path patroni = Binaries.require("patroni", "patroni", "patroni");
    Path config = writeConfig(node, layout, settings, secrets, tls, postgresBinDir, dir);
    ServiceUser.own(dir);
    restrictDataDir(dir.resolve("data"));
    return launch.start("patroni-" + node.id(),
        ServiceUser.wrap(List.of(patroni.toString(), config.toString())), dir,
        dir.resolve("patroni.log"), Map.of("LC_ALL", "C.UTF-8", "LANG", "C.UTF-8",
            // its own home: libpq looks for a client certificate under ~/.postgresql and fails
            // on one it may not read (root's, when edgectl runs as root)
            "HOME", dir.toString()));
  }

  /**
   * The cluster's current certificates copied again beside Patroni, {@code patroni.yml} left as it
   * is: Patroni takes a new REST certificate on a reload only when its configuration file did not
   * change, so certificates and configuration are reloaded one after the other.
   *
   * @param dir the node's Patroni folder, as given to {@link #start}
   */
  public static void refreshTls(ClusterCertificates.TlsFiles tls, Path dir) {
    copyTls(tls, dir.resolve("tls"));
    copyEtcdTls(tls, dir.resolve("tls"));
    ServiceUser.own(dir.resolve("tls"));
  }

  /**
   * Writes {@code dir/patroni.yml} from the cluster's current secrets and copies its current
   * certificates beside it, owned by the service user, without touching a running Patroni: it
   * loads them on its next reload ({@code edgectl rotate-secrets}) or start.
   *
   * @param dir the node's Patroni folder, as given to {@link #start}
   */
  public static Path writeConfig(NodeName node, ClusterLayout layout, PatroniSettings settings,
      ClusterSecrets secrets, ClusterCertificates.TlsFiles tls, Path postgresBinDir, Path dir) {
    try {
      Files.createDirectories(dir.resolve("run"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path config = dir.resolve("patroni.yml");
    var paths = new PatroniConfig.Paths(dir.resolve("data").toString(), postgresBinDir.toString(),
        dir.resolve("pgpass").toString(), dir.resolve("run").toString(),
        copyTls(tls, dir.resolve("tls")), copyEtcdTls(tls, dir.resolve("tls")));
    ConfigFiles.writeSecretYaml(config, "Patroni on " + node.id()
            + " (written by edgectl from config/edge-cluster.yaml)",
        withArchiving(PatroniConfig.node(node, layout, settings, secrets, paths), node, layout, dir));
    ServiceUser.own(dir.resolve("tls"));
    ServiceUser.own(config);
    return config;
  }

  /** WAL archiving to the cluster's pgBackRest repositories; {@code dir} is DIR/<node>/patroni. */
  private static Map<String, Object> withArchiving(Map<String, Object> patroniYml, NodeName node,
      ClusterLayout layout, Path dir) {
    var backups = new LocalBackups(dir.getParent().getParent(), BackupPolicy.STANDARD);
    Path conf = backups.writeNodeConfig(node, layout);
    String pgbackrest = Binaries.require("pgbackrest", "pgbackrest", "pgbackrest").toString();
    return PgBackRestArchiving.addTo(patroniYml,
        PgBackRestArchiving.archiveCommand(pgbackrest, backups.policy().stanza(), conf.toString()));
  }

  /**
   * The cluster's server certificate (it names 127.0.0.1, where every local node listens) and the
   * CA, copied where the service user owns them: PostgreSQL refuses a key file others can read or
   * that another user owns.
   */
  private static PatroniConfig.Tls copyTls(ClusterCertificates.TlsFiles tls, Path dir) {
    try {
      Files.createDirectories(dir);
      Path certificate = Files.copy(tls.serverCertificate(), dir.resolve("server.crt"),
          StandardCopyOption.REPLACE_EXISTING);
      Path key = Files.copy(tls.serverKey(), dir.resolve("server.key"),
          StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      Path ca = Files.copy(tls.caCertificate(), dir.resolve("ca.crt"),
          StandardCopyOption.REPLACE_EXISTING);
      return new PatroniConfig.Tls(certificate.toString(), key.toString(), ca.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy PostgreSQL's TLS files to " + dir, e);
    }
  }

  /** Patroni's etcd client certificate, beside PostgreSQL's: read by the service user only. */
  private static PatroniConfig.Tls copyEtcdTls(ClusterCertificates.TlsFiles tls, Path dir) {
    var client = tls.etcdClient(ClusterCertificates.ETCD_PATRONI);
    try {
      Files.createDirectories(dir);
      Path certificate = Files.copy(client.certificate(), dir.resolve("etcd-client.crt"),
          StandardCopyOption.REPLACE_EXISTING);
      Path key = Files.copy(client.key(), dir.resolve("etcd-client.key"), StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
      return new PatroniConfig.Tls(certificate.toString(), key.toString(), dir.resolve("ca.crt").toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy Patroni's etcd certificate to " + dir, e);
    }
  }

  /** PostgreSQL refuses a data folder others can read; chown -R may have been the last to touch it. */
  private static void restrictDataDir(Path data) {
    if (Files.isDirectory(data)) {
      try {
        Files.setPosixFilePermissions(data,
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      } catch (IOException | UnsupportedOperationException e) {
        throw new IllegalStateException("cannot restrict " + data + ": " + e.getMessage(), e);
      }
    }
  }
}
