package br.prontuario.edge.localcluster.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two roles for the records database: the owner, which owns the schema and runs the migrations,
 * and the app's role, which only reads and writes rows. The app's password, stolen from a node,
 * then cannot grant itself back the right to change audit rows, disable the append-only trigger or
 * alter a table: only an owner can. Run as a superuser connected to the records database; the
 * role names are validated identifiers ({@code PostgresSettings}), so they are safe in DDL.
 */
public final class SchemaRoles {

  private final String owner;
  private final String app;

  public SchemaRoles(String owner, String app) {
    if (!owner.matches("[a-z_][a-z0-9_]{0,62}") || !app.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("role names must be lower-case identifiers");
    }
    this.owner = owner;
    this.app = app;
  }

  /**
   * What the app's role gets on every table and sequence the owner creates from now on (a
   * migration that adds a table needs no grant of its own); V110 takes back UPDATE and DELETE on
   * {@code audit_log}.
   */
  public void grantAppRowAccess(Connection superuser) throws SQLException {
    try (Statement s = superuser.createStatement()) {
      s.execute("GRANT USAGE ON SCHEMA public TO " + app);
      s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
          + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
      s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
          + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
    }
  }

  /**
   * A database created before the owner role existed (the app's role owned it and migrated it):
   * every object moves to the owner and the app keeps row access only. No-op when the app's role
   * owns nothing in this database any more.
   */
  public boolean takeOverFromApp(Connection superuser) throws SQLException {
    if (!appOwnsSomething(superuser)) {
      return false;
    }
    try (Statement s = superuser.createStatement()) {
      s.execute("REASSIGN OWNED BY " + app + " TO " + owner);
      s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + app);
      s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + app);
      if (auditLogExists(superuser)) {
        s.execute("REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM " + app);
      }
    }
    grantAppRowAccess(superuser);
    return true;
  }

  private boolean appOwnsSomething(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_class k"
        + " JOIN pg_namespace n ON n.oid = k.relnamespace WHERE n.nspname = 'public'"
        + " AND pg_get_userbyid(k.relowner) = ?) OR EXISTS (SELECT 1 FROM pg_database"
        + " WHERE datname = current_database() AND pg_get_userbyid(datdba) = ?)")) {
      q.setString(1, app);
      q.setString(2, app);
      try (ResultSet r = q.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    }
  }

  private static boolean auditLogExists(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT to_regclass('public.audit_log') IS NOT NULL")) {
      return r.next() && r.getBoolean(1);
    }
  }
}
