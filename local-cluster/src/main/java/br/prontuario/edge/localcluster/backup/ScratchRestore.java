package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.localcluster.process.ServiceUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A point-in-time restore into a scratch PostgreSQL of its own: a new, empty folder, a free port,
 * no Patroni, no archiving, no synchronous standby. The running cluster is only read from (its
 * repositories); nothing is written over it. The scratch server then holds the database as it
 * was at the target, for {@code edgectl audit verify --dir INTO} or for copying rows back.
 */
public final class ScratchRestore {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  /**
   * Where the restored server runs and how long each phase took.
   *
   * @param restoreTime pgBackRest copying the backup set into the folder
   * @param recoveryTime PostgreSQL replaying archived WAL up to the target and promoting
   * @param databaseBytes the restored databases' size (without WAL)
   */
  public record Restored(Path into, int port, String jdbcUrl, Duration restoreTime,
      Duration recoveryTime, long databaseBytes) {

    public Duration total() {
      return restoreTime.plus(recoveryTime);
    }
  }

  private final EdgeCluster cluster;
  private final LocalBackups files;

  public ScratchRestore(EdgeCluster cluster) {
    this.cluster = cluster;
    this.files = new LocalBackups(cluster.stateDir(), BackupPolicy.STANDARD);
  }

  public Restored restore(RestoreTarget target, Path into, int repo) {
    Path dir = into.toAbsolutePath().normalize();
    refuseUnlessEmpty(dir);
    int port = FreePorts.next();
    createFolders(dir);
    Path conf = files.writeRestoreConfig(dir, port);
    ServiceUser.own(dir);
    Instant started = Instant.now();
    new PgBackRest(conf, files.policy().stanza(), Duration.ofHours(2))
        .restoreToTime(target.postgresTime(), repo).orThrow();
    Instant restored = Instant.now();
    start(dir, port);
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + cluster.config().postgres().database();
    awaitPromoted(url, dir);
    Duration recovery = Duration.between(restored, Instant.now());
    writeDescriptor(dir, url, target);
    return new Restored(dir, port, url, Duration.between(started, restored), recovery,
        databaseBytes(url));
  }

  /** Stops the scratch server of {@code into} (fast shutdown); the folder stays for inspection. */
  public static void stop(Path into) {
    Path data = into.toAbsolutePath().resolve("data");
    if (!Files.isRegularFile(data.resolve("postmaster.pid"))) {
      throw new IllegalStateException("no restored server runs in " + into);
    }
    run(List.of(pgCtl(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
  }

  private static void refuseUnlessEmpty(Path dir) {
    if (Files.exists(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalArgumentException(dir + " is not empty: a restore only goes into a new or empty folder");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void createFolders(Path dir) {
    try {
      Files.createDirectories(dir.resolve("run"));
      Files.createDirectories(dir.resolve("data"));
      Files.setPosixFilePermissions(dir.resolve("data"), PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The restored postgresql.conf is the old primary's (Patroni wrote it): its port, socket,
   * pg_hba path, synchronous standby and archive_command are overridden so the scratch server
   * neither collides with the node nor archives a new timeline into the cluster's repositories.
   */
  private static void start(Path dir, int port) {
    Path data = dir.resolve("data");
    String options = String.join(" ", "-c port=" + port, "-c listen_addresses=127.0.0.1",
        "-c unix_socket_directories=" + dir.resolve("run"), "-c archive_mode=off",
        "-c synchronous_standby_names=''", "-c cluster_name=restored",
        "-c hba_file=" + data.resolve("pg_hba.conf"), "-c ident_file=" + data.resolve("pg_ident.conf"));
    run(List.of(pgCtl(), "-D", data.toString(), "-l", dir.resolve("postgres.log").toString(),
        "-o", options, "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()), "start"));
  }

  /** pgBackRest asks PostgreSQL to promote at the target; until then it is still recovering. */
  private void awaitPromoted(String url, Path dir) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String last = "not reached";
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = superuser(url); var s = c.createStatement();
          var rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return;
        }
        last = "still recovering";
      } catch (SQLException e) {
        last = e.getMessage();
      }
      Pause.millis(500);
    }
    throw new IllegalStateException("the restored server did not finish recovery (" + last
        + "); see " + dir.resolve("postgres.log"));
  }

  /** What {@code edgectl audit verify --dir INTO} reads: the database section of cluster.json. */
  private void writeDescriptor(Path dir, String url, RestoreTarget target) {
    var pg = cluster.config().postgres();
    Map<String, Object> descriptor = Map.of(
        "restoredTo", target.postgresTime(),
        "restoredFrom", cluster.stateDir().toString(),
        "database", Map.of("jdbcUrl", url, "username", pg.appUser(),
            "password", cluster.secrets().appPassword(), "superuser", PatroniConfig.SUPERUSER,
            "superuserPassword", cluster.secrets().superuserPassword()));
    try {
      Path file = dir.resolve("cluster.json");
      Files.writeString(file, tools.jackson.databind.json.JsonMapper.builder().build()
          .writerWithDefaultPrettyPrinter().writeValueAsString(descriptor));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long databaseBytes(String url) {
    try (Connection c = superuser(url); var s = c.createStatement();
        var rs = s.executeQuery("SELECT sum(pg_database_size(oid))::bigint FROM pg_database")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("the restored server does not answer: " + e.getMessage(), e);
    }
  }

  private Connection superuser(String url) throws SQLException {
    return DriverManager.getConnection(url, PatroniConfig.SUPERUSER, cluster.secrets().superuserPassword());
  }

  private static String pgCtl() {
    return Binaries.postgresBinDir().resolve("pg_ctl").toString();
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(ServiceUser.wrap(new ArrayList<>(command)))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(command.get(command.size() - 1) + " of the restored server failed: "
            + out.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
