package br.prontuario.edge.node.events;

import br.prontuario.edge.node.background.PeriodicTask;
import br.prontuario.edge.node.ops.NodeProperties;
import br.prontuario.edge.site.bus.BusConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox to Kafka, at least once and in event order: each round takes the topic's
 * oldest pending events ({@code bus_pending}) under an advisory lock (one relay at a time across
 * both nodes), sends them keyed by patient, waits until the brokers acknowledged every one
 * ({@code acks=all}, idempotent producer), and only then deletes their pending rows, in the same
 * transaction. A crash or failover between the acknowledgement and the commit publishes those
 * events again, in the same order: consumers deduplicate on the event id (the
 * {@code prontuario-event-id} header, also in the body). Dead webhook deliveries
 * ({@code bus_dead_letters}, written by a trigger when a delivery goes dead) go the same way to
 * the dead-letter topic next to it ({@link BusConnection#deadLetterTopic}). See ADR 0005.
 */
@Component
public class BusRelay implements SmartLifecycle {

  public static final String EVENT_ID_HEADER = "prontuario-event-id";
  public static final String EVENT_TYPE_HEADER = "prontuario-event-type";
  public static final String SUBSCRIBER_HEADER = "prontuario-subscriber";
  private static final Logger LOG = LoggerFactory.getLogger(BusRelay.class);
  private static final Duration BACKLOG_EVERY = Duration.ofSeconds(5);

  private final BusProperties properties;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final MeterRegistry meters;
  private final String clientId;
  private final String deadLetterTopic;
  private final PeriodicTask rounds = new PeriodicTask("bus-relay");
  private Producer<String, String> producer;
  private boolean topicReady;
  private int failures;
  private Instant nextTry = Instant.EPOCH;
  private Instant lastMeasured = Instant.EPOCH;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong oldestPendingSeconds = new AtomicLong();

  public BusRelay(BusProperties properties, JdbcTemplate jdbc, TransactionTemplate transactions,
      Clock clock, MeterRegistry meters, NodeProperties node) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.meters = meters;
    this.clientId = "edge-node-" + node.name();
    this.deadLetterTopic = BusConnection.deadLetterTopic(properties.topic());
    Gauge.builder("bus.pending", pending, AtomicLong::get).tag("topic", properties.topic())
        .description("events committed but not yet acknowledged by the brokers").register(meters);
    Gauge.builder("bus.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
        .tag("topic", properties.topic())
        .description("age of the oldest event still to publish (grows while the bus is unreachable)")
        .register(meters);
  }

  /** One round: everything pending, batch after batch, unless the last failure says wait. */
  synchronized void round() {
    Instant now = clock.instant();
    measureBacklog(now);
    if (now.isBefore(nextTry)) {
      return;
    }
    try {
      ensureTopic();
      int published;
      do {
        published = publishBatch();
      } while (published == properties.batch());
      do {
        published = publishDeadLetters();
      } while (published == properties.batch());
      failures = 0;
    } catch (RuntimeException e) {
      failures++;
      nextTry = now.plus(backoff(failures));
      count("failed");
      // the class only: a broker's message may quote a record, and records name patients
      LOG.warn("bus relay: round failed ({}), next try in {} ms", rootCause(e).getClass().getSimpleName(),
          Duration.between(now, nextTry).toMillis());
      if (failures >= 3) {
        closeProducer(); // a fresh client re-reads the brokers' addresses and credentials
      }
    }
  }

  /** The backlog gauges, every few seconds (also while the brokers are unreachable: that is when they matter). */
  private void measureBacklog(Instant now) {
    if (now.isBefore(lastMeasured.plus(BACKLOG_EVERY))) {
      return;
    }
    lastMeasured = now;
    try {
      jdbc.query("SELECT count(*), min(e.occurred_at) FROM bus_pending p JOIN outbox_events e"
          + " ON e.seq = p.event_seq WHERE p.topic = ?", r -> {
            pending.set(r.getLong(1));
            OffsetDateTime oldest = r.getObject(2, OffsetDateTime.class);
            oldestPendingSeconds.set(oldest == null ? 0
                : Math.max(0, now.getEpochSecond() - oldest.toInstant().getEpochSecond()));
          }, properties.topic());
    } catch (RuntimeException e) {
      LOG.warn("bus relay: backlog not measured ({})", e.getClass().getSimpleName());
    }
  }

  /**
   * The topics on the brokers, and their rows: every new event gets a pending row for the events'
   * topic, every dead delivery one for the dead-letter topic.
   */
  private void ensureTopic() {
    if (topicReady) {
      return;
    }
    try (Admin admin = Admin.create(adminConfig())) {
      Map<String, String> configs = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
          Integer.toString(properties.minInsyncReplicas()));
      List<NewTopic> topics = List.of(
          new NewTopic(properties.topic(), properties.partitions(),
              (short) properties.replicationFactor()).configs(configs),
          new NewTopic(deadLetterTopic, properties.partitions(),
              (short) properties.replicationFactor()).configs(configs));
      for (var created : admin.createTopics(topics).values().values()) {
        try {
          created.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException("topic not created", e.getCause());
          }
        }
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("brokers did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    jdbc.update("INSERT INTO bus_topics (name) VALUES (?) ON CONFLICT DO NOTHING", properties.topic());
    jdbc.update("INSERT INTO bus_dead_letter_topics (name) VALUES (?) ON CONFLICT DO NOTHING",
        deadLetterTopic);
    topicReady = true;
    LOG.info("bus relay: publishing clinical events to topic {}, dead webhook deliveries to {}",
        properties.topic(), deadLetterTopic);
  }

  /** @return how many events this batch published (0: none pending, or the other node's relay holds the lock) */
  int publishBatch() {
    Integer published = transactions.execute(tx -> {
      Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
          "bus:" + properties.topic());
      if (!Boolean.TRUE.equals(locked)) {
        return 0;
      }
      List<EventBody> events = jdbc.query("SELECT e.seq, e.event_id, e.type, e.patient_id, e.resource_id,"
          + " e.occurred_at FROM bus_pending p JOIN outbox_events e ON e.seq = p.event_seq"
          + " WHERE p.topic = ? ORDER BY p.event_seq LIMIT ?",
          (r, n) -> new EventBody(r.getLong(1), r.getObject(2, UUID.class), r.getString(3),
              r.getObject(4, UUID.class), r.getString(5), r.getObject(6, OffsetDateTime.class).toInstant()),
          properties.topic(), properties.batch());
      if (events.isEmpty()) {
        return 0;
      }
      send(events.stream().map(this::record).toList());
      Long[] seqs = events.stream().map(EventBody::seq).toArray(Long[]::new);
      jdbc.update("DELETE FROM bus_pending WHERE topic = ? AND event_seq = ANY (?)", ps -> {
        ps.setString(1, properties.topic());
        ps.setArray(2, ps.getConnection().createArrayOf("bigint", seqs));
      });
      Instant acknowledged = clock.instant();
      Timer lag = Timer.builder("bus.publish.lag").description("from an event's commit to the brokers' acknowledgement")
          .register(meters);
      events.forEach(e -> lag.record(Duration.between(e.occurredAt(), acknowledged)));
      return events.size();
    });
    int count = published == null ? 0 : published;
    if (count > 0) {
      Counter.builder("bus.events").tag("outcome", "published").register(meters).increment(count);
    }
    return count;
  }

  /**
   * The oldest dead letters not yet on the dead-letter topic, under that topic's own lock: sent,
   * acknowledged, then deleted in one transaction, like the events.
   *
   * @return how many were published (0: none waiting, or the other node's relay holds the lock)
   */
  int publishDeadLetters() {
    Integer published = transactions.execute(tx -> {
      Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext(?))", Boolean.class,
          "bus:" + deadLetterTopic);
      if (!Boolean.TRUE.equals(locked)) {
        return 0;
      }
      List<DeadLetterBody> letters = jdbc.query("SELECT d.id, d.subscriber, d.attempts, d.last_error,"
          + " d.dead_at, e.seq, e.event_id, e.type, e.patient_id, e.resource_id, e.occurred_at"
          + " FROM bus_dead_letters d JOIN outbox_events e ON e.seq = d.event_seq"
          + " WHERE d.topic = ? ORDER BY d.id LIMIT ?",
          (r, n) -> new DeadLetterBody(r.getLong(1), new EventBody(r.getLong(6),
              r.getObject(7, UUID.class), r.getString(8), r.getObject(9, UUID.class), r.getString(10),
              r.getObject(11, OffsetDateTime.class).toInstant()), r.getString(2), r.getInt(3),
              r.getString(4), r.getObject(5, OffsetDateTime.class).toInstant()),
          deadLetterTopic, properties.batch());
      if (letters.isEmpty()) {
        return 0;
      }
      send(letters.stream().map(this::record).toList());
      Long[] ids = letters.stream().map(DeadLetterBody::id).toArray(Long[]::new);
      jdbc.update("DELETE FROM bus_dead_letters WHERE id = ANY (?)",
          ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
      return letters.size();
    });
    int count = published == null ? 0 : published;
    if (count > 0) {
      Counter.builder("bus.events").tag("outcome", "dead-letter-published").register(meters).increment(count);
    }
    return count;
  }

  private ProducerRecord<String, String> record(EventBody event) {
    return record(properties.topic(), event, event.json());
  }

  private ProducerRecord<String, String> record(DeadLetterBody letter) {
    ProducerRecord<String, String> record = record(deadLetterTopic, letter.event(), letter.json());
    record.headers().add(SUBSCRIBER_HEADER, letter.subscriber().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** Keyed by patient, with the event's id and type as headers, on either topic. */
  private static ProducerRecord<String, String> record(String topic, EventBody event, String value) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.key(), value);
    record.headers().add(EVENT_ID_HEADER, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
    record.headers().add(EVENT_TYPE_HEADER, event.type().getBytes(StandardCharsets.UTF_8));
    return record;
  }

  /** Sends the batch and waits for every acknowledgement; any failure fails the whole batch. */
  private void send(List<ProducerRecord<String, String>> records) {
    Producer<String, String> client = producer();
    List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
    for (ProducerRecord<String, String> record : records) {
      acks.add(client.send(record));
    }
    client.flush();
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    try {
      for (Future<RecordMetadata> ack : acks) {
        ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("the brokers refused an event", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the brokers did not acknowledge in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Producer<String, String> producer() {
    if (producer == null) {
      Map<String, Object> config = common();
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
      config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
          (int) Math.max(properties.sendTimeout().toMillis(), 5_010));
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      producer = new KafkaProducer<>(config);
    }
    return producer;
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> config = common();
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) properties.sendTimeout().toMillis());
    return config;
  }

  private Map<String, Object> common() {
    Map<String, Object> config = BusConnection.settings(properties.bootstrapServers(), clientId,
        properties.trustStore(), properties.keyStore());
    config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
    return config;
  }

  Duration backoff(int failures) {
    return RetryBackoff.after(failures, properties.firstRetry(), properties.maxRetry());
  }

  private void count(String outcome) {
    Counter.builder("bus.rounds").tag("outcome", outcome).description("bus relay rounds that failed")
        .register(meters).increment();
  }

  private void closeProducer() {
    if (producer != null) {
      try {
        producer.close(Duration.ofSeconds(1));
      } catch (RuntimeException ignored) {
        // a client that cannot close cleanly is dropped all the same
      }
      producer = null;
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      LOG.info("bus relay off (no edge.events.bus.bootstrap-servers)");
      return;
    }
    rounds.start(this::round, properties.poll());
  }

  @Override
  public void stop() {
    rounds.stop();
    synchronized (this) {
      closeProducer();
    }
  }

  @Override
  public boolean isRunning() {
    return rounds.isRunning();
  }
}
