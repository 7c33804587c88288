package br.prontuario.edge.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.localcluster.postgres.PostgresServer;
import br.prontuario.edge.localcluster.postgres.SchemaRoles;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records database's roles as {@code edgectl up} sets them ({@link SchemaRoles}): an owner that
 * runs the migrations and an app role that is no superuser and owns nothing. The app role appends
 * audit rows but PostgreSQL refuses it UPDATE, DELETE and TRUNCATE on {@code audit_log}, and, not
 * being the owner, it can neither grant those back to itself nor disable the append-only trigger.
 * A database from before the owner role (the app role owned and migrated it) is taken over.
 */
class AuditTablePrivilegesIT {

  private static final String OWNER = "audit_privileges_owner";
  private static final String APP = "audit_privileges_app";
  private static final String OLD_APP = "audit_privileges_old_app";
  private static final String OLD_OWNER = "audit_privileges_old_owner";
  private static String url;
  private static String oldUrl;

  @BeforeAll
  static void migrateAsTheOwnerAndTakeOverAnOldDatabase() throws SQLException {
    PostgresServer server = SharedPostgres.server();
    try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
      for (String role : new String[] {OWNER, APP, OLD_APP, OLD_OWNER}) {
        if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
          s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER");
        }
      }
      if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'audit_privileges'").next()) {
        s.execute("CREATE DATABASE audit_privileges OWNER " + OWNER);
        s.execute("CREATE DATABASE audit_privileges_old OWNER " + OLD_APP);
      }
    }
    url = server.jdbcUrl("audit_privileges");
    try (Connection c = server.connect("audit_privileges")) {
      new SchemaRoles(OWNER, APP).grantAppRowAccess(c);
    }
    migrate(url, OWNER);

    oldUrl = server.jdbcUrl("audit_privileges_old");
    migrate(oldUrl, OLD_APP); // the layout before the owner role: the app migrated its own schema
    try (Connection c = server.connect("audit_privileges_old")) {
      assertThat(new SchemaRoles(OLD_OWNER, OLD_APP).takeOverFromApp(c)).isTrue();
      assertThat(new SchemaRoles(OLD_OWNER, OLD_APP).takeOverFromApp(c)).as("twice").isFalse();
    }
    migrate(oldUrl, OLD_OWNER); // the next release's migrations run as the new owner
  }

  private static void migrate(String url, String role) {
    Flyway.configure().dataSource(url, role, "")
        .locations("classpath:db/migration/common", "classpath:db/migration/edge").load().migrate();
  }

  @Test
  void theAppRoleAppendsAuditRowsButMayNotChangeThemNorGiveItselfTheRight() throws SQLException {
    assertAppendsButCannotChangeAuditRows(url, APP);
  }

  @Test
  void aDatabaseTheAppRoleOwnedIsHandedToTheOwnerWithTheSameLimits() throws SQLException {
    try (Connection app = DriverManager.getConnection(oldUrl, OLD_APP, "");
        Statement s = app.createStatement();
        ResultSet owned = s.executeQuery("SELECT count(*) FROM pg_class k JOIN pg_namespace n"
            + " ON n.oid = k.relnamespace WHERE n.nspname = 'public'"
            + " AND pg_get_userbyid(k.relowner) = '" + OLD_APP + "'")) {
      owned.next();
      assertThat(owned.getInt(1)).as("tables the old app role still owns").isZero();
    }
    assertAppendsButCannotChangeAuditRows(oldUrl, OLD_APP);
  }

  private static void assertAppendsButCannotChangeAuditRows(String url, String role)
      throws SQLException {
    try (Connection app = DriverManager.getConnection(url, role, "")) {
      app.setAutoCommit(false);
      long seq = AuditChain.append(app, new AuditEvent("ana", "nurse", "patient.read", null, null,
          "corr-1", null, null), Clock.systemUTC());
      app.commit();
      app.setAutoCommit(true);
      try (Statement s = app.createStatement()) {
        var flags = s.executeQuery("SELECT rolsuper, rolcreaterole FROM pg_roles"
            + " WHERE rolname = current_user");
        assertThat(flags.next()).isTrue();
        assertThat(flags.getBoolean(1)).as("the app role is a superuser").isFalse();
        assertThat(flags.getBoolean(2)).as("the app role creates roles").isFalse();
        // the other tables stay writable: the app works
        s.execute("UPDATE users SET role = role WHERE false");
        assertPermissionDenied(s, "UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq);
        assertPermissionDenied(s, "DELETE FROM audit_log WHERE seq = " + seq);
        assertPermissionDenied(s, "TRUNCATE audit_log");
        // a non-owner's GRANT only warns; the right stays refused
        s.execute("GRANT UPDATE, DELETE ON audit_log TO " + role);
        assertPermissionDenied(s, "DELETE FROM audit_log WHERE seq = " + seq);
        assertThatThrownBy(() -> s.execute("ALTER TABLE audit_log DISABLE TRIGGER ALL"))
            .isInstanceOf(SQLException.class).hasMessageContaining("must be owner");
        var row = s.executeQuery("SELECT actor FROM audit_log WHERE seq = " + seq);
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("ana");
      }
    }
  }

  private static void assertPermissionDenied(Statement s, String sql) {
    assertThatThrownBy(() -> s.execute(sql)).isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for table audit_log");
  }
}
