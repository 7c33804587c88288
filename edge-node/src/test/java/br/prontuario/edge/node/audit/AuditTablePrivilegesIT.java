package br.prontuario.edge.node.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.localcluster.postgres.PostgresServer;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's database role as in production: not a superuser, owner of the schema it migrated.
 * It appends audit rows but PostgreSQL refuses it UPDATE, DELETE and TRUNCATE on {@code audit_log}.
 */
class AuditTablePrivilegesIT {

  private static final String ROLE = "audit_privileges_app";
  private static String url;

  @BeforeAll
  static void migrateAsANonSuperuserOwner() throws SQLException {
    PostgresServer server = SharedPostgres.server();
    try (Connection c = server.connect("postgres"); Statement s = c.createStatement()) {
      if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'").next()) {
        s.execute("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER");
        s.execute("CREATE DATABASE audit_privileges OWNER " + ROLE);
      }
    }
    url = server.jdbcUrl("audit_privileges");
    Flyway.configure().dataSource(url, ROLE, "")
        .locations("classpath:db/migration/common", "classpath:db/migration/edge").load().migrate();
  }

  @Test
  void theAppRoleAppendsAuditRowsButMayNotUpdateDeleteOrTruncateThem() throws SQLException {
    try (Connection app = DriverManager.getConnection(url, ROLE, "")) {
      app.setAutoCommit(false);
      long seq = AuditChain.append(app, new AuditEvent("ana", "nurse", "patient.read", null, null,
          "corr-1", null, null), Clock.systemUTC());
      app.commit();
      app.setAutoCommit(true);
      try (Statement s = app.createStatement()) {
        var role = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
        assertThat(role.next()).isTrue();
        assertThat(role.getBoolean(1)).as("the app role is a superuser").isFalse();
        assertPermissionDenied(s, "UPDATE audit_log SET actor = 'mallory' WHERE seq = " + seq);
        assertPermissionDenied(s, "DELETE FROM audit_log WHERE seq = " + seq);
        assertPermissionDenied(s, "TRUNCATE audit_log");
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
