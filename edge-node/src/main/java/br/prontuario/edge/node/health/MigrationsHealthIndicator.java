package br.prontuario.edge.node.health;

import java.util.function.IntSupplier;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready only when every migration this build knows is applied to the connected database.
 *
 * <p>Asked again only until the answer is yes: the schema history only grows, so it stays yes.
 * Each question costs Flyway a class-path scan and a new connection as the schema owner (its own
 * data source: TLS, SCRAM, one per host tried), and HAProxy and the controllers ask every few
 * seconds; during a switchover those handshakes made the check outlast HAProxy's 2 s timeout and
 * took the serving node out of the entry point (benchmarks.md, "Planned switchover on the slower
 * box").
 */
@Component("migrations")
class MigrationsHealthIndicator implements HealthIndicator {

  private final IntSupplier pendingMigrations;
  private volatile boolean allApplied;

  @Autowired
  MigrationsHealthIndicator(Flyway flyway) {
    this(() -> flyway.info().pending().length);
  }

  MigrationsHealthIndicator(IntSupplier pendingMigrations) {
    this.pendingMigrations = pendingMigrations;
  }

  @Override
  public Health health() {
    if (allApplied) {
      return Health.up().build();
    }
    try {
      int pending = pendingMigrations.getAsInt();
      if (pending == 0) {
        allApplied = true;
        return Health.up().build();
      }
      return Health.down().withDetail("pending", pending).build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", "schema history unreadable").build();
    }
  }
}
