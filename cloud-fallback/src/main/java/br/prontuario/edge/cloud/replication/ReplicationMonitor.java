package br.prontuario.edge.cloud.replication;

import br.prontuario.edge.cloud.health.DatabaseRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The RPO at risk, measured continuously: every second a heartbeat row is written on the edge
 * primary and read back from our standby; the difference is how far behind the cloud copy is.
 * After activation the last value measured as a standby stays exported (the fork's RPO).
 */
@Component
class ReplicationMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(ReplicationMonitor.class);
  private static final String BEAT = "INSERT INTO replication_heartbeat (id, beat_at, source)"
      + " VALUES (1, clock_timestamp(), 'cloud-fallback') ON CONFLICT (id) DO UPDATE"
      + " SET beat_at = excluded.beat_at, source = excluded.source";

  private final JdbcTemplate cloud;
  private final JdbcTemplate edge;
  private final DatabaseRole role;
  private final Counter beatFailures;
  private final AtomicReference<Double> delaySeconds = new AtomicReference<>(Double.NaN);
  private volatile boolean edgeReachable = true;

  ReplicationMonitor(JdbcTemplate cloud, EdgeDatabase edgeDatabase, DatabaseRole role,
      MeterRegistry meters) {
    this.cloud = cloud;
    this.edge = edgeDatabase.dataSource().map(JdbcTemplate::new).orElse(null);
    this.role = role;
    this.beatFailures = Counter.builder("cloud_heartbeat_write_failures_total")
        .description("heartbeats the edge primary did not take").register(meters);
    Gauge.builder("cloud_replication_delay_seconds", delaySeconds, AtomicReference::get)
        .description("age of the newest edge heartbeat replayed on the cloud standby").register(meters);
    Gauge.builder("cloud_standby_in_recovery", role,
            r -> r.current() == DatabaseRole.Role.STANDBY ? 1 : 0)
        .description("1 while the cloud database follows the edge").register(meters);
    Gauge.builder("gcp_fallback_active", role, r -> r.current() == DatabaseRole.Role.PRIMARY ? 1 : 0)
        .description("1 once the cloud database is promoted and emergency mode serves")
        .register(meters);
  }

  @Scheduled(fixedDelayString = "${cloud.replication.heartbeat-interval:1s}")
  void tick() {
    writeHeartbeat();
    measureDelay();
  }

  double delaySeconds() {
    return delaySeconds.get();
  }

  private void writeHeartbeat() {
    if (edge == null) {
      return;
    }
    try {
      edge.update(BEAT);
      if (!edgeReachable) {
        LOG.info("edge primary takes heartbeats again");
      }
      edgeReachable = true;
    } catch (RuntimeException e) {
      beatFailures.increment();
      if (edgeReachable) {
        LOG.warn("edge primary unreachable for heartbeats: {}", e.getClass().getSimpleName());
      }
      edgeReachable = false;
    }
  }

  private void measureDelay() {
    if (role.current() != DatabaseRole.Role.STANDBY) {
      return; // primary: keep the last measured value; unreachable: nothing to measure
    }
    try {
      Double delay = cloud.queryForObject("SELECT extract(epoch FROM clock_timestamp() - beat_at)"
          + " FROM replication_heartbeat WHERE id = 1", Double.class);
      delaySeconds.set(delay == null ? Double.NaN : Math.max(0, delay));
    } catch (org.springframework.dao.EmptyResultDataAccessException e) {
      delaySeconds.set(Double.NaN);
    } catch (RuntimeException e) {
      LOG.debug("cannot read the heartbeat: {}", e.getClass().getSimpleName());
    }
  }

}
