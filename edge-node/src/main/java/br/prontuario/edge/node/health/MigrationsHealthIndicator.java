package br.prontuario.edge.node.health;

import org.flywaydb.core.Flyway;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Ready only when every migration this build knows is applied to the connected database. */
@Component("migrations")
class MigrationsHealthIndicator implements HealthIndicator {

  private final Flyway flyway;

  MigrationsHealthIndicator(Flyway flyway) {
    this.flyway = flyway;
  }

  @Override
  public Health health() {
    try {
      int pending = flyway.info().pending().length;
      return pending == 0
          ? Health.up().build()
          : Health.down().withDetail("pending", pending).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "schema history unreadable").build();
    }
  }
}
