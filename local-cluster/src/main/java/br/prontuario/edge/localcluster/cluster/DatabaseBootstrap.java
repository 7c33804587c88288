package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the edge-nodes' login role and database on the primary once; it then replicates like
 * any other write. The names are validated identifiers and the password is URL-safe base64, so
 * the DDL (which takes no bind parameters) is built safely.
 */
final class DatabaseBootstrap {

  private DatabaseBootstrap() {}

  static void ensure(EdgeCluster cluster) {
    var pg = cluster.config().postgres();
    String url = cluster.layout().jdbcUrl("postgres").replace("?", "?connectTimeout=5&");
    String password = cluster.secrets().appPassword();
    if (!password.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalStateException("app password has unexpected characters");
    }
    try (Connection c = DriverManager.getConnection(url, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword()); Statement s = c.createStatement()) {
      if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", pg.appUser())) {
        s.execute("CREATE ROLE " + pg.appUser() + " LOGIN PASSWORD '" + password + "'");
      }
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", pg.database())) {
        s.execute("CREATE DATABASE " + pg.database() + " OWNER " + pg.appUser());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the application database: " + e.getMessage(), e);
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      return ps.executeQuery().next();
    }
  }
}
