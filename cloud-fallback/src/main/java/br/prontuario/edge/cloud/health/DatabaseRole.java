package br.prontuario.edge.cloud.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether our database has been promoted. Until activation it is a standby of the edge database
 * (in recovery) and this deployment must not serve. Cached for a second: every API request asks.
 */
@Component
public class DatabaseRole {

  public enum Role { PRIMARY, STANDBY, UNREACHABLE }

  private static final Duration CACHE = Duration.ofSeconds(1);

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private volatile Role cached = Role.UNREACHABLE;
  private volatile Instant checkedAt = Instant.MIN;

  DatabaseRole(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Role current() {
    Instant now = clock.instant();
    if (now.isBefore(checkedAt.plus(CACHE))) {
      return cached;
    }
    Role role = query();
    cached = role;
    checkedAt = now;
    return role;
  }

  private Role query() {
    try {
      Boolean inRecovery = jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class);
      return Boolean.TRUE.equals(inRecovery) ? Role.STANDBY : Role.PRIMARY;
    } catch (RuntimeException e) {
      return Role.UNREACHABLE;
    }
  }
}
