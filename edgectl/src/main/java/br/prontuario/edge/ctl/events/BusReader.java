package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import br.prontuario.edge.site.bus.BusConnection;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the clinical events' topic (or its dead-letter topic) from its first offset, as a consumer
 * of the bus would, and keeps each event once: the relay publishes at least once (a failover
 * between the brokers' acknowledgement and the relay's commit publishes a batch again), so the
 * consumer deduplicates on the event id (a dead letter's own id on the dead-letter topic). No
 * consumer group: reading commits nothing, so it takes nothing from anyone.
 */
public final class BusReader implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(500);

  /** One event as the bus delivered it, with where it was. */
  public record BusEvent(long seq, String eventId, String type, String patientId, String resourceId,
      String occurredAt, int partition, long offset) {

    static BusEvent of(JsonNode body, int partition, long offset) {
      return new BusEvent(body.path("sequence").asLong(), body.path("eventId").asText(),
          body.path("type").asText(), body.path("patientId").isNull() ? null : body.path("patientId").asText(),
          body.path("resourceId").asText(), body.path("occurredAt").asText(), partition, offset);
    }
  }

  /** A webhook delivery that went dead, as the dead-letter topic holds it. */
  public record DeadLetter(long id, String subscriber, int attempts, String lastError, String deadAt,
      BusEvent event) {}

  private final KafkaConsumer<String, String> consumer;
  private final Set<String> seen = new HashSet<>();
  private int duplicates;

  /** The bus the cluster folder's {@code cluster.json} names (the default folder when null). */
  static ClusterDescriptor.Bus described(Path dir) {
    Path cluster = ClusterDatabase.clusterDir(dir);
    ClusterDescriptor.Bus described = ClusterDescriptor.read(cluster).bus();
    if (described == null) {
      throw new IllegalStateException(cluster.resolve(ClusterDescriptor.FILE)
          + " names no event bus (a cluster from before the Kafka brokers: run bin/edgectl up again)");
    }
    return described;
  }

  /** The clinical events' topic from its first offset. */
  public BusReader(ClusterDescriptor.Bus bus) {
    this(bus, true);
  }

  /** @param fromStart false: only what is published from now on (a benchmark's own events) */
  public BusReader(ClusterDescriptor.Bus bus, boolean fromStart) {
    this(bus, bus.topic(), fromStart);
  }

  /** The dead-letter topic next to the clinical events' one, from its first offset. */
  public static BusReader deadLetters(ClusterDescriptor.Bus bus) {
    return new BusReader(bus, BusConnection.deadLetterTopic(bus.topic()), true);
  }

  private BusReader(ClusterDescriptor.Bus bus, String topic, boolean fromStart) {
    Map<String, Object> config = BusConnection.settings(bus.bootstrapServers(), "edgectl-events-tail",
        bus.caCertificate(), bus.keyStore());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    consumer = new KafkaConsumer<>(config);
    List<PartitionInfo> partitions = consumer.partitionsFor(topic);
    if (partitions == null || partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("the bus has no topic " + topic
          + " yet (edge-node's relay creates it when it first reaches the brokers)");
    }
    List<TopicPartition> assigned = partitions.stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(assigned);
    if (fromStart) {
      consumer.seekToBeginning(assigned);
    } else {
      consumer.seekToEnd(assigned);
      assigned.forEach(consumer::position); // resolve the end now, before anything new arrives
    }
  }

  /** Everything on the topic now (up to its end offsets when called), each event once. */
  public List<BusEvent> readToEnd() {
    return readToEnd(this::poll);
  }

  /** Every dead letter on the dead-letter topic now, each once. */
  public List<DeadLetter> readDeadLettersToEnd() {
    return readToEnd(this::pollDeadLetters);
  }

  private <T> List<T> readToEnd(Supplier<List<T>> poll) {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    List<T> read = new ArrayList<>();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      read.addAll(poll.get());
    }
    return read;
  }

  /** What arrived since the last call (waiting up to half a second), each event once. */
  public List<BusEvent> poll() {
    List<BusEvent> fresh = new ArrayList<>();
    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
      JsonNode body = JSON.readTree(record.value());
      if (firstTime(body.path("eventId").asText())) {
        fresh.add(BusEvent.of(body, record.partition(), record.offset()));
      }
    }
    return fresh;
  }

  private List<DeadLetter> pollDeadLetters() {
    List<DeadLetter> fresh = new ArrayList<>();
    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
      JsonNode body = JSON.readTree(record.value());
      if (firstTime("dead-letter " + body.path("deadLetterId").asLong())) {
        fresh.add(new DeadLetter(body.path("deadLetterId").asLong(), body.path("subscriber").asText(),
            body.path("attempts").asInt(),
            body.path("lastError").isNull() ? null : body.path("lastError").asText(),
            body.path("deadAt").asText(), BusEvent.of(body.path("event"), record.partition(),
                record.offset())));
      }
    }
    return fresh;
  }

  private boolean firstTime(String id) {
    if (seen.add(id)) {
      return true;
    }
    duplicates++;
    return false;
  }

  /** Copies of an event already read (a batch the relay published again after a failover). */
  public int duplicates() {
    return duplicates;
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
