package br.prontuario.edge.node.health;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Ready only when the pool reaches a PostgreSQL that is the primary (not in recovery), within a
 * deadline. A frozen host accepts TCP and never answers: the check must not hang past the load
 * balancer's timeout, and a hung check is waited on again rather than piled up. When the check
 * fails the pool's idle connections are dropped: after a failover they point at a frozen or
 * demoted server, and Hikari would otherwise find that out one connection per validation timeout,
 * while clinicians' requests wait.
 */
@Component("primary")
@EnableConfigurationProperties(ReadinessProperties.class)
class PrimaryHealthIndicator implements HealthIndicator {

  private final JdbcTemplate jdbc;
  private final ReadinessProperties properties;
  private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "readiness-primary-check");
    thread.setDaemon(true);
    return thread;
  });
  private Future<Boolean> pending;

  PrimaryHealthIndicator(JdbcTemplate jdbc, ReadinessProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  @Override
  public synchronized Health health() {
    if (pending == null || pending.isDone()) {
      pending = checker.submit(
          () -> jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class));
    }
    try {
      Boolean inRecovery =
          pending.get(properties.primaryCheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return Boolean.FALSE.equals(inRecovery)
          ? Health.up().build()
          : unready("connected server is a standby");
    } catch (TimeoutException e) {
      return unready("primary did not answer within "
          + properties.primaryCheckTimeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      return unready("primary unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Health.down().withDetail("reason", "interrupted").build();
    }
  }

  private Health unready(String reason) {
    evictIdleConnections();
    return Health.down().withDetail("reason", reason).build();
  }

  /** Soft eviction: idle connections close now, borrowed ones when they come back. */
  private void evictIdleConnections() {
    DataSource dataSource = jdbc.getDataSource();
    try {
      if (dataSource != null && dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
        if (pool != null) {
          pool.softEvictConnections();
        }
      }
    } catch (SQLException notAHikariPool) {
      // nothing to evict
    }
  }
}
