package br.prontuario.edge.localcluster.postgres;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.process.ServiceUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A standalone PostgreSQL server (no Patroni) in its own data folder on a loopback port, run as
 * {@link ServiceUser}. Tests use it for speed; the HA cluster uses Patroni instead.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String SUPERUSER = "postgres";

  private final Path dataDir;
  private final int port;
  private ManagedProcess process;

  private PostgresServer(Path dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  /** initdb (if the folder is empty) and start on a free port. */
  public static PostgresServer start(Path baseDir) {
    PostgresServer server = new PostgresServer(baseDir.resolve("data"), FreePorts.next());
    server.initIfEmpty(baseDir);
    server.launch(baseDir.resolve("postgres.log"));
    return server;
  }

  /** Starts (again) on a given port, e.g. to bring a killed server back at the same address. */
  public static PostgresServer start(Path baseDir, int port) {
    PostgresServer server = new PostgresServer(baseDir.resolve("data"), port);
    server.initIfEmpty(baseDir);
    server.launch(baseDir.resolve("postgres.log"));
    return server;
  }

  /** The postmaster's PID as recorded in {@code postmaster.pid}, for fault injection. */
  public long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Creates the database if it does not exist yet and returns its JDBC URL. */
  public String createDatabase(String database) {
    if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
    }
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
      if (!rs.next()) {
        s.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
    }
    return jdbcUrl(database);
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
  }

  @Override
  public void close() {
    if (process != null) {
      process.stop(Duration.ofSeconds(20));
    }
  }

  private void initIfEmpty(Path baseDir) {
    try {
      Files.createDirectories(baseDir);
      if (Files.exists(dataDir.resolve("PG_VERSION"))) {
        return;
      }
      Files.createDirectories(dataDir);
      ServiceUser.own(baseDir);
      Path bin = Binaries.postgresBinDir();
      List<String> initdb = List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(),
          "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C", "--data-checksums");
      ManagedProcess init = ManagedProcess.start("initdb", ServiceUser.wrap(initdb), baseDir,
          baseDir.resolve("initdb.log"), Map.of("LC_ALL", "C"));
      awaitExit(init, Duration.ofMinutes(2));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void launch(Path log) {
    Path bin = Binaries.postgresBinDir();
    List<String> command = new ArrayList<>(List.of(bin.resolve("postgres").toString(),
        "-D", dataDir.toString(), "-p", Integer.toString(port),
        "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=" + dataDir,
        "-c", "max_connections=200",
        "-c", "timezone=UTC",
        // tests throw the data away: durability on disk only costs time here
        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
    process = ManagedProcess.start("postgres", ServiceUser.wrap(command), dataDir.getParent(), log,
        Map.of("LC_ALL", "C"));
    process.awaitPort(port, Duration.ofSeconds(60));
    awaitAcceptingQueries(Duration.ofSeconds(30));
  }

  private void awaitAcceptingQueries(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    SQLException last = null;
    while (Instant.now().isBefore(deadline)) {
      try (Connection c = connect("postgres")) {
        return;
      } catch (SQLException e) {
        last = e; // "the database system is starting up"
        sleep(100);
      }
    }
    throw new IllegalStateException("postgres not ready: " + (last == null ? "" : last.getMessage())
        + "\n" + process.tail());
  }

  private static void awaitExit(ManagedProcess p, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (p.isAlive() && Instant.now().isBefore(deadline)) {
      sleep(100);
    }
    if (p.isAlive()) {
      p.stop(Duration.ofSeconds(1));
      throw new IllegalStateException(p.name() + " did not finish:\n" + p.tail());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
