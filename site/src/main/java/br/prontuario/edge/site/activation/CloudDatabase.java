package br.prontuario.edge.site.activation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

/** The cloud's clinical database, as its superuser reaches it (JDBC; the caller brings the driver). */
public record CloudDatabase(String jdbcUrl, String user, String password) {

  private static final Duration POLL = Duration.ofMillis(200);

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

  /** Polls {@link #isPrimary} until it holds or {@code timeout} has passed. */
  public boolean awaitPrimary(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (isPrimary()) {
        return true;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return isPrimary();
  }
}
