package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * New passwords for database roles, set on the primary (they replicate, to the cloud standby
 * too). pgjdbc computes the SCRAM verifier itself, so the password is never sent and cannot end
 * up in a server log. Sessions already open keep working: PostgreSQL checks a password only when
 * a session starts.
 */
final class DatabasePasswords {

  private final EdgeCluster cluster;
  private final String retiredSuperuserPassword;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retiredSuperuserPassword the superuser's password before the rotation, which the
   *     database keeps until this class has set the new one
   */
  DatabasePasswords(EdgeCluster cluster, String retiredSuperuserPassword) {
    this.cluster = cluster;
    this.retiredSuperuserPassword = retiredSuperuserPassword;
  }

  /** Each role's new password, in the map's order, over one superuser session. */
  void set(Map<String, String> passwords) {
    try (Connection c = superuserSession()) {
      for (var role : passwords.entrySet()) {
        try {
          c.unwrap(PGConnection.class).alterUserPassword(role.getKey(),
              role.getValue().toCharArray(), "scram-sha-256");
        } catch (SQLException e) {
          throw new IllegalStateException("cannot set the password of " + role.getKey() + ": "
              + e.getMessage(), e);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reach the primary as " + PatroniConfig.SUPERUSER
          + ": " + e.getMessage(), e);
    }
  }

  /**
   * The superuser keeps its retired password until {@link PatroniPasswords} sets the new one, near
   * the end: that one is tried first, so a whole rotation leaves no failed login in the server's
   * log (which a monitor would rightly flag); a rotation run again after that point tries twice.
   */
  private Connection superuserSession() throws SQLException {
    String url = cluster.jdbcUrl("postgres");
    String current = cluster.secrets().superuserPassword();
    try {
      return DriverManager.getConnection(url, PatroniConfig.SUPERUSER, retiredSuperuserPassword);
    } catch (SQLException e) {
      if (!"28P01".equals(e.getSQLState()) || retiredSuperuserPassword.equals(current)) {
        throw e;
      }
      return DriverManager.getConnection(url, PatroniConfig.SUPERUSER, current);
    }
  }
}
