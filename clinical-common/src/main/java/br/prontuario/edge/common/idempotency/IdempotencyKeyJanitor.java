package br.prontuario.edge.common.idempotency;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys older than the retention, so the table does not grow forever. */
@Component
public class IdempotencyKeyJanitor {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyJanitor.class);

  private final JdbcTemplate jdbc;
  private final IdempotencyProperties properties;
  private final Clock clock;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "idempotency-janitor");
    t.setDaemon(true);
    return t;
  });

  IdempotencyKeyJanitor(JdbcTemplate jdbc, IdempotencyProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    long every = properties.purgeEvery().toMillis();
    timer.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** Deletes expired keys and returns how many. */
  public int purge() {
    return jdbc.update("DELETE FROM idempotency_keys WHERE created_at < ?",
        OffsetDateTime.now(clock).minus(properties.retention()));
  }

  private void purgeQuietly() {
    try {
      purge();
    } catch (RuntimeException e) {
      // the database may be failing over; the next round tries again
      LOG.warn("idempotency key purge failed: {}", e.getClass().getName());
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
