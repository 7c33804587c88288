package br.prontuario.edge.ctl.events;

import br.prontuario.edge.site.bus.BusConnection;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the clinical events' topic from its first offset, as a consumer of the bus would, and
 * keeps each event once: the relay publishes at least once (a failover between the brokers'
 * acknowledgement and the relay's commit publishes a batch again), so the consumer deduplicates on
 * the event id. No consumer group: reading commits nothing, so it takes nothing from anyone.
 */
public final class BusReader implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration POLL = Duration.ofMillis(500);

  /** One event as the bus delivered it, with where it was. */
  public record BusEvent(long seq, String eventId, String type, String patientId, String resourceId,
      String occurredAt, int partition, long offset) {}

  private final KafkaConsumer<String, String> consumer;
  private final Set<String> seen = new HashSet<>();
  private int duplicates;

  /** From the topic's first offset. */
  public BusReader(ClusterDescriptor.Bus bus) {
    this(bus, true);
  }

  /** @param fromStart false: only what is published from now on (a benchmark's own events) */
  public BusReader(ClusterDescriptor.Bus bus, boolean fromStart) {
    Map<String, Object> config = BusConnection.settings(bus.bootstrapServers(), "edgectl-events-tail",
        bus.caCertificate(), bus.keyStore());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    consumer = new KafkaConsumer<>(config);
    List<PartitionInfo> partitions = consumer.partitionsFor(bus.topic());
    if (partitions == null || partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("the bus has no topic " + bus.topic()
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
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    List<BusEvent> events = new ArrayList<>();
    while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      events.addAll(poll());
    }
    return events;
  }

  /** What arrived since the last call (waiting up to half a second), each event once. */
  public List<BusEvent> poll() {
    List<BusEvent> fresh = new ArrayList<>();
    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
      JsonNode body = JSON.readTree(record.value());
      String eventId = body.path("eventId").asText();
      if (!seen.add(eventId)) {
        duplicates++;
        continue;
      }
      fresh.add(new BusEvent(body.path("sequence").asLong(), eventId, body.path("type").asText(),
          body.path("patientId").isNull() ? null : body.path("patientId").asText(),
          body.path("resourceId").asText(), body.path("occurredAt").asText(), record.partition(),
          record.offset()));
    }
    return fresh;
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
