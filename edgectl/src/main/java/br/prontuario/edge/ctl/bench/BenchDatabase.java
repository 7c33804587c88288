package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.drill.bench.BenchUser;
import br.prontuario.edge.drill.bench.PgbenchCeiling;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.postgresql.Driver;

/**
 * What the bench needs from the cluster's primary, as its superuser: one login per clinician
 * ({@code bench-001} …, physicians, one fresh password per run), the primary's address for
 * pgbench, a database of pgbench's own, and how many connections pgbench may open.
 */
final class BenchDatabase {

  static final String PGBENCH_DATABASE = "pgbench_ceiling";
  private static final int SPARE_CONNECTIONS = 10; // for Patroni, replication, the apps' growth

  private final ClusterDescriptor.Database database;

  BenchDatabase(ClusterDescriptor.Database database) {
    if (database == null || database.jdbcUrl() == null) {
      throw new IllegalStateException("cluster.json has no database");
    }
    this.database = database;
  }

  private Connection connect() throws SQLException {
    String user = database.superuser() != null ? database.superuser() : database.username();
    String password = database.superuser() != null ? database.superuserPassword()
        : database.password();
    return DriverManager.getConnection(database.jdbcUrl(), user, password);
  }

  /** Creates or re-keys the bench logins; one audit row says so. */
  List<BenchUser> clinicians(int count) throws SQLException {
    byte[] secret = new byte[18];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().encodeToString(secret);
    String hash = new PasswordHasher().hash(password.toCharArray()); // once: hashing is slow
    List<BenchUser> users = new ArrayList<>();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement upsert = c.prepareStatement("INSERT INTO users (username, role,"
          + " password_hash) VALUES (?, 'physician', ?) ON CONFLICT (username) DO UPDATE"
          + " SET password_hash = EXCLUDED.password_hash, enabled = true")) {
        for (int i = 1; i <= count; i++) {
          String name = String.format("bench-%03d", i);
          upsert.setString(1, name);
          upsert.setString(2, hash);
          upsert.addBatch();
          users.add(new BenchUser(name, password));
        }
        upsert.executeBatch();
      }
      AuditChain.append(c, new AuditEvent("edgectl:" + System.getProperty("user.name"),
          "it-ops", "bench.users", null, "bench-001..bench-" + String.format("%03d", count),
          UUID.randomUUID().toString(), null, null), Clock.systemUTC());
      c.commit();
    }
    return users;
  }

  /** The primary's address as the apps reach it, and pgbench's database, created if absent. */
  PgbenchCeiling.Target pgbenchTarget() throws SQLException {
    String host;
    int port;
    String user;
    boolean exists;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      try (ResultSet where = s.executeQuery("SELECT host(inet_server_addr()), inet_server_port(),"
          + " current_user, EXISTS (SELECT 1 FROM pg_database WHERE datname = '"
          + PGBENCH_DATABASE + "')")) {
        where.next();
        host = where.getString(1);
        port = where.getInt(2);
        user = where.getString(3);
        exists = where.getBoolean(4);
      }
      if (!exists) {
        s.execute("CREATE DATABASE " + PGBENCH_DATABASE);
      }
    }
    String password = database.superuser() != null ? database.superuserPassword()
        : database.password();
    return new PgbenchCeiling.Target(host, port, user, password, PGBENCH_DATABASE,
        verifiedCaCertificate(database.jdbcUrl()));
  }

  /** The CA a {@code sslmode=verify-full} URL checks the server against, for libpq to do the same. */
  static String verifiedCaCertificate(String jdbcUrl) {
    Properties url = Driver.parseURL(jdbcUrl, null);
    return url != null && "verify-full".equals(url.getProperty("sslmode"))
        ? url.getProperty("sslrootcert") : null;
  }

  /** pgbench's tables exist already (initialising 1M rows each run would take a while). */
  boolean pgbenchInitialised() throws SQLException {
    String url = database.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + PGBENCH_DATABASE + "$1");
    String user = database.superuser() != null ? database.superuser() : database.username();
    String password = database.superuser() != null ? database.superuserPassword()
        : database.password();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_regclass('pgbench_accounts') IS NOT NULL")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The clients pgbench may open beside what is connected now, at most {@code wanted}. */
  int pgbenchClients(int wanted) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT current_setting('max_connections')::int"
            + " - (SELECT count(*) FROM pg_stat_activity)")) {
      rs.next();
      return Math.max(1, Math.min(wanted, rs.getInt(1) - SPARE_CONNECTIONS));
    }
  }

  /** The primary's WAL position now: a standby that replayed it has every row written before. */
  String currentWalLsn() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Loads what the dataset still lacks on the primary. */
  HospitalDataset.Loaded load(HospitalDataset dataset, java.util.function.Consumer<String> progress)
      throws SQLException {
    try (Connection c = connect()) {
      return dataset.load(c, progress);
    }
  }
}
