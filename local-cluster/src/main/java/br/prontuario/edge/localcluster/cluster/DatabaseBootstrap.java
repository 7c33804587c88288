package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import br.prontuario.edge.localcluster.postgres.SchemaRoles;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the records database, its owner role (which the migrations log in as) and the apps'
 * login role on the primary once; they then replicate like any other write. A database the apps'
 * role still owns (created before the owner role existed) is handed to the owner. The names are
 * validated identifiers and the passwords URL-safe base64, so the DDL (which takes no bind
 * parameters) is built safely.
 */
final class DatabaseBootstrap {

  private DatabaseBootstrap() {}

  static void ensure(EdgeCluster cluster) {
    var pg = cluster.config().postgres();
    var secrets = cluster.secrets();
    String server = cluster.jdbcUrl("postgres");
    try (Connection c = superuser(server, cluster); Statement s = c.createStatement()) {
      createRole(c, pg.appUser(), secrets.appPassword());
      createRole(c, pg.ownerUser(), secrets.ownerPassword());
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", pg.database())) {
        s.execute("CREATE DATABASE " + pg.database() + " OWNER " + pg.ownerUser());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the application database: " + e.getMessage(), e);
    }
    String records = cluster.jdbcUrl(pg.database());
    try (Connection c = superuser(records, cluster)) {
      SchemaRoles roles = new SchemaRoles(pg.ownerUser(), pg.appUser());
      if (!roles.takeOverFromApp(c)) {
        roles.grantAppRowAccess(c);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the application database's roles: "
          + e.getMessage(), e);
    }
  }

  private static Connection superuser(String url, EdgeCluster cluster) throws SQLException {
    return DriverManager.getConnection(url, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword());
  }

  private static void createRole(Connection c, String role, String password) throws SQLException {
    if (!password.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalStateException("the password of " + role + " has unexpected characters");
    }
    if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      return ps.executeQuery().next();
    }
  }
}
