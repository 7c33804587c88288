package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.patroni.PatroniConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * New passwords for the apps' database roles, set on the primary (they replicate, to the cloud
 * standby too). pgjdbc computes the SCRAM verifier itself, so the password is never sent and
 * cannot end up in a server log. Sessions already open keep working: PostgreSQL checks a
 * password only when a session starts.
 */
final class DatabasePasswords {

  private final EdgeCluster cluster;

  DatabasePasswords(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  void set(String role, String password) {
    String url = cluster.layout().jdbcUrl("postgres").replace("?", "?connectTimeout=5&");
    try (Connection c = DriverManager.getConnection(url, PatroniConfig.SUPERUSER,
        cluster.secrets().superuserPassword())) {
      c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the password of " + role + ": " + e.getMessage(), e);
    }
  }
}
