package br.prontuario.edge.node.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Ready only when the pool reaches a PostgreSQL that is the primary (not in recovery). */
@Component("primary")
class PrimaryHealthIndicator implements HealthIndicator {

  private final JdbcTemplate jdbc;

  PrimaryHealthIndicator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Health health() {
    try {
      Boolean inRecovery = jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class);
      return Boolean.FALSE.equals(inRecovery)
          ? Health.up().build()
          : Health.down().withDetail("reason", "connected server is a standby").build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "primary unreachable").build();
    }
  }
}
