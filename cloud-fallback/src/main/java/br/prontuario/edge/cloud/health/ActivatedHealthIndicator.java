package br.prontuario.edge.cloud.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only once the database is a primary. This is what keeps HAProxy's {@code backup} cloud
 * server (and the GKE readiness probe) out of rotation until the cloud is activated.
 */
@Component("activated")
class ActivatedHealthIndicator implements HealthIndicator {

  private final DatabaseRole role;

  ActivatedHealthIndicator(DatabaseRole role) {
    this.role = role;
  }

  @Override
  public Health health() {
    return switch (role.current()) {
      case PRIMARY -> Health.up().withDetail("mode", "emergency").build();
      case STANDBY -> Health.down().withDetail("reason", "standby of the edge: not activated").build();
      case UNREACHABLE -> Health.down().withDetail("reason", "database unreachable").build();
    };
  }
}
