package br.prontuario.edge.node.events;

import br.prontuario.edge.node.background.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers each subscriber's pending events by HTTP POST, one at a time in event order, at least
 * once: a delivery is marked done only after the subscriber answered 2xx, in the transaction that
 * holds the subscriber's advisory lock (so the relays of both nodes never deliver one subscriber's
 * events side by side, out of order). A failure is retried with exponential backoff and jitter;
 * the event after the last attempt is marked dead and the subscriber's next events go on.
 * Subscribers deduplicate on {@code X-Prontuario-Event-Id} (a crash between the 2xx and the commit
 * delivers again).
 */
@Component
public class WebhookRelay implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookRelay.class);
  private static final int BATCH = 100;
  private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(10);

  private final EventsProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final HttpClient http;
  private final Map<String, Backlog> backlog = new ConcurrentHashMap<>();
  private final PeriodicTask rounds = new PeriodicTask("webhook-relay");
  private volatile Instant lastCleanUp = Instant.EPOCH;

  public WebhookRelay(EventsProperties properties, JdbcTemplate jdbc,
      TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.meters = meters;
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** One pass over every subscriber: delivers what is due, in order, until one must wait. */
  public void deliverDue() {
    List<Subscriber> subscribers;
    try {
      subscribers = jdbc.query("SELECT name, url, secret FROM webhook_subscribers ORDER BY name",
          (r, n) -> new Subscriber(r.getString(1), r.getString(2), r.getString(3)));
    } catch (RuntimeException e) {
      LOG.warn("webhook relay: subscribers not readable this round ({})",
          e.getClass().getSimpleName());
      return;
    }
    Instant now = clock.instant();
    if (now.isAfter(lastCleanUp.plus(CLEAN_UP_EVERY))) {
      try {
        cleanUp(now);
      } catch (RuntimeException e) {
        LOG.warn("webhook relay: clean-up not done this round ({})", e.getClass().getSimpleName());
      }
    }
    for (Subscriber subscriber : subscribers) {
      try {
        for (int i = 0; i < BATCH && deliverNext(subscriber); i++) {
          // the next one
        }
        backlog.computeIfAbsent(subscriber.name(), s -> Backlog.register(meters, s))
            .measure(jdbc, subscriber.name(), clock.instant());
      } catch (RuntimeException e) {
        LOG.warn("webhook relay: subscriber {} not served this round ({})", subscriber.name(),
            e.getClass().getSimpleName());
      }
    }
  }

  /**
   * Deletes deliveries done more than {@code retention} ago, then the events older than that
   * which nobody (no subscriber, no bus topic, no dead letter on its way to the bus) is still owed. Dead deliveries stay until someone replays them or unsubscribes.
   */
  void cleanUp(Instant now) {
    Timestamp before = Timestamp.from(now.minus(properties.retention()));
    jdbc.update("DELETE FROM webhook_deliveries WHERE status = 'delivered' AND delivered_at < ?",
        before);
    jdbc.update("DELETE FROM outbox_events e WHERE e.occurred_at < ? AND NOT EXISTS"
        + " (SELECT 1 FROM webhook_deliveries d WHERE d.event_seq = e.seq) AND NOT EXISTS"
        + " (SELECT 1 FROM bus_pending b WHERE b.event_seq = e.seq) AND NOT EXISTS"
        + " (SELECT 1 FROM bus_dead_letters l WHERE l.event_seq = e.seq)", before);
    lastCleanUp = now;
  }

  /** A row of {@code webhook_subscribers}. */
  record Subscriber(String name, String url, String secret) {}

  /** True when the head event was settled (delivered or dead) and the next one may go. */
  private boolean deliverNext(Subscriber webhook) {
    String subscriber = webhook.name();
    Boolean settled = transactions.execute(tx -> {
      Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))",
          Boolean.class, "webhook:" + subscriber);
      if (!Boolean.TRUE.equals(locked)) {
        return false; // the other node's relay serves this subscriber now
      }
      List<Pending> head = jdbc.query("SELECT d.event_seq, d.attempts, d.next_attempt_at,"
          + " e.event_id, e.type, e.patient_id, e.resource_id, e.occurred_at"
          + " FROM webhook_deliveries d JOIN outbox_events e ON e.seq = d.event_seq"
          + " WHERE d.subscriber = ? AND d.status = 'pending' ORDER BY d.event_seq LIMIT 1",
          (r, n) -> new Pending(r.getLong(1), r.getInt(2),
              r.getObject(3, OffsetDateTime.class).toInstant(), r.getObject(4, UUID.class),
              r.getString(5), r.getObject(6, UUID.class), r.getString(7),
              r.getObject(8, OffsetDateTime.class).toInstant()), subscriber);
      Instant now = clock.instant();
      if (head.isEmpty() || head.get(0).nextAttemptAt().isAfter(now)) {
        return false;
      }
      Pending event = head.get(0);
      int attempts = event.attempts() + 1;
      String failure = send(webhook, event, attempts);
      if (failure == null) {
        jdbc.update("UPDATE webhook_deliveries SET status = 'delivered', attempts = ?,"
            + " delivered_at = ?, last_error = NULL WHERE subscriber = ? AND event_seq = ?",
            attempts, Timestamp.from(now), subscriber, event.seq());
        count(subscriber, "delivered");
        return true;
      }
      if (attempts >= properties.maxAttempts()) {
        jdbc.update("UPDATE webhook_deliveries SET status = 'dead', attempts = ?,"
            + " last_error = ? WHERE subscriber = ? AND event_seq = ?", attempts, failure,
            subscriber, event.seq());
        LOG.warn("webhook relay: event {} to {} dead after {} attempts ({})", event.eventId(),
            subscriber, attempts, failure);
        count(subscriber, "dead");
        return true;
      }
      jdbc.update("UPDATE webhook_deliveries SET attempts = ?, next_attempt_at = ?,"
          + " last_error = ? WHERE subscriber = ? AND event_seq = ?", attempts,
          Timestamp.from(now.plus(backoff(attempts))), failure, subscriber, event.seq());
      count(subscriber, "retried");
      return false;
    });
    return Boolean.TRUE.equals(settled);
  }

  /** Null when the subscriber took it (2xx); otherwise why not, in a few words. */
  private String send(Subscriber webhook, Pending event, int attempt) {
    String body = body(event);
    HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
        .timeout(properties.timeout())
        .header("Content-Type", "application/json")
        .header("X-Prontuario-Event-Id", event.eventId().toString())
        .header("X-Prontuario-Event-Type", event.type())
        .header("X-Prontuario-Delivery-Attempt", Integer.toString(attempt))
        .header(WebhookSignature.HEADER,
            WebhookSignature.header(webhook.secret(), clock.instant().getEpochSecond(), body))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / 100 == 2 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String body(Pending event) {
    return new EventBody(event.seq(), event.eventId(), event.type(), event.patientId(), event.resourceId(),
        event.occurredAt()).json();
  }

  /** firstRetry × 2^(attempts−1), at most maxRetry, less up to half of it at random. */
  Duration backoff(int attempts) {
    return RetryBackoff.after(attempts, properties.firstRetry(), properties.maxRetry());
  }

  private void count(String subscriber, String outcome) {
    Counter.builder("webhook.deliveries").tag("subscriber", subscriber).tag("outcome", outcome)
        .description("webhook delivery attempts by outcome").register(meters).increment();
  }

  record Pending(long seq, int attempts, Instant nextAttemptAt, UUID eventId, String type,
      UUID patientId, String resourceId, Instant occurredAt) {}

  @Override
  public void start() {
    if (properties.poll().isZero()) {
      LOG.info("webhook relay off (edge.events.poll=0)");
      return;
    }
    rounds.start(this::deliverDue, properties.poll());
  }

  @Override
  public void stop() {
    rounds.stop();
  }

  @Override
  public boolean isRunning() {
    return rounds.isRunning();
  }
}
