package br.prontuario.edge.common.user;

import br.prontuario.edge.common.security.Role;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

  private final JdbcTemplate jdbc;

  UserRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<UserAccount> find(String username) {
    return jdbc.query("SELECT username, role, password_hash, enabled FROM users WHERE username = ?",
        (rs, i) -> new UserAccount(rs.getString(1),
            Role.fromClaim(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getBoolean(4)),
        username).stream().findFirst();
  }

  /** False when the username is taken. */
  public boolean create(String username, Role role, String passwordHash) {
    return jdbc.update("INSERT INTO users (username, role, password_hash) VALUES (?, ?, ?)"
        + " ON CONFLICT (username) DO NOTHING", username, role.claim(), passwordHash) == 1;
  }

  public boolean exists(String username) {
    Integer n = jdbc.queryForObject("SELECT count(*) FROM users WHERE username = ?",
        Integer.class, username);
    return n != null && n > 0;
  }
}
