package br.prontuario.edge.common.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain JDBC writes to {@code users}, shared by the API and the CLI. */
public final class UserRecords {

  private UserRecords() {}

  /** Inserts the user; false when the username is already taken. */
  public static boolean insert(Connection connection, String username, String role,
      String passwordHash) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO users (username, role, password_hash) VALUES (?, ?, ?)"
            + " ON CONFLICT (username) DO NOTHING")) {
      insert.setString(1, username);
      insert.setString(2, role);
      insert.setString(3, passwordHash);
      return insert.executeUpdate() == 1;
    }
  }
}
