package br.prontuario.edge.node.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One subscriber's backlog as gauges, measured after each relay round: events waiting, dead ones,
 * and how old the oldest waiting one is (a growing age is a subscriber that stopped taking them).
 */
final class Backlog {

  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong dead = new AtomicLong();
  private final AtomicLong oldestSeconds = new AtomicLong();

  static Backlog register(MeterRegistry meters, String subscriber) {
    Backlog b = new Backlog();
    Gauge.builder("webhook.pending", b.pending, AtomicLong::get).tag("subscriber", subscriber)
        .description("events waiting for this subscriber").register(meters);
    Gauge.builder("webhook.dead", b.dead, AtomicLong::get).tag("subscriber", subscriber)
        .description("events this subscriber refused until the last attempt").register(meters);
    Gauge.builder("webhook.oldest.pending.seconds", b.oldestSeconds, AtomicLong::get)
        .tag("subscriber", subscriber)
        .description("age of the oldest event waiting for this subscriber").register(meters);
    return b;
  }

  void measure(JdbcTemplate jdbc, String subscriber, Instant now) {
    jdbc.query("SELECT count(*) FILTER (WHERE d.status = 'pending'),"
        + " count(*) FILTER (WHERE d.status = 'dead'),"
        + " min(e.occurred_at) FILTER (WHERE d.status = 'pending')"
        + " FROM webhook_deliveries d JOIN outbox_events e ON e.seq = d.event_seq"
        + " WHERE d.subscriber = ? AND d.status <> 'delivered'", r -> {
          pending.set(r.getLong(1));
          dead.set(r.getLong(2));
          OffsetDateTime oldest = r.getObject(3, OffsetDateTime.class);
          oldestSeconds.set(oldest == null ? 0 : Math.max(0,
              now.getEpochSecond() - oldest.toInstant().getEpochSecond()));
        }, subscriber);
  }
}
