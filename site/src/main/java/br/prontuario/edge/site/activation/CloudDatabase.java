package br.prontuario.edge.site.activation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The cloud's clinical database, as its superuser reaches it (JDBC; the caller brings the driver). */
public record CloudDatabase(String jdbcUrl, String user, String password) {

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** Out of recovery; false also when it does not answer. */
  public boolean isPrimary() {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && !rs.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }
}
