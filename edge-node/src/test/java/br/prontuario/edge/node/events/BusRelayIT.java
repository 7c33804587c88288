package br.prontuario.edge.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.ops.NodeProperties;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.testsupport.servers.RealKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The outbox relay against a real Kafka broker and the API tests' real PostgreSQL: committed
 * changes reach the topic once each, a patient's events in order on one partition; with the
 * brokers unreachable the events wait in the outbox and go when they answer; a batch whose commit
 * was lost after the brokers took it (a crash, a failover) is published again, whole and in the
 * same order, and the copies carry the same event ids for consumers to drop.
 */
class BusRelayIT extends EdgeNodeIT {

  private static RealKafka kafka;

  @Autowired TransactionTemplate transactions;
  private String topic;

  @BeforeAll
  static void aBroker() {
    kafka = RealKafka.start("bus-relay");
  }

  @BeforeEach
  void aFreshTopic() {
    topic = "it-events-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void forgetTheTopic() {
    jdbc.update("DELETE FROM bus_pending WHERE topic = ?", topic);
    jdbc.update("DELETE FROM bus_topics WHERE name = ?", topic);
    String deadLetters = topic + ".dlq";
    jdbc.update("DELETE FROM bus_dead_letters WHERE topic = ?", deadLetters);
    jdbc.update("DELETE FROM bus_dead_letter_topics WHERE name = ?", deadLetters);
  }

  @Test
  void committedChangesReachTheTopicOnceEachAndAPatientsEventsInOrderOnOnePartition() {
    BusRelay nodeA = relay(kafka.bootstrapServers(), "node-a");
    nodeA.round(); // creates the topic and registers it: events from now on are owed to it
    String doctor = token("dr-bus", Role.PHYSICIAN);
    String ana = createPatient("Paciente Barramento");
    String first = note(ana, doctor, "primeira");
    String bento = createPatient("Outro Paciente");
    String second = note(ana, doctor, "segunda");

    nodeA.round(); // batches of 2: three round trips in one round

    List<ConsumerRecord<String, String>> records = readTopic();
    List<JsonNode> ofAna = bodiesFor(records, ana);
    assertThat(ofAna).extracting(b -> b.get("type").asText())
        .containsExactly("patient.created", "note.created", "note.created");
    assertThat(ofAna).extracting(b -> b.get("resourceId").asText()).containsExactly(ana, first, second);
    assertThat(records.stream().filter(r -> ana.equals(r.key())).map(ConsumerRecord::partition).distinct())
        .as("one key, one partition: the order holds").hasSize(1);
    assertThat(bodiesFor(records, bento)).extracting(b -> b.get("type").asText()).containsExactly("patient.created");
    assertThat(records).extracting(BusRelayIT::eventIdHeader).doesNotHaveDuplicates();
    assertThat(records).allSatisfy(r -> assertThat(r.value()).doesNotContain("primeira", "Paciente Barramento"));
    assertThat(pending()).isZero();

    relay(kafka.bootstrapServers(), "node-b").round(); // the other node's relay: nothing left to publish
    assertThat(readTopic()).hasSameSizeAs(records);
  }

  @Test
  void withTheBrokersUnreachableEventsWaitInTheOutboxAndGoWhenTheyAnswer() {
    relay(kafka.bootstrapServers(), "node-a").round();
    String patient = createPatient("Paciente Espera");

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    BusRelay cutOff = relay("127.0.0.1:" + br.prontuario.edge.localcluster.process.FreePorts.next(), "node-b", meters);
    cutOff.round();
    assertThat(pending()).as("nothing acknowledged, nothing forgotten").isEqualTo(1);
    assertThat(meters.get("bus.pending").tag("topic", topic).gauge().value()).as("what an operator sees").isEqualTo(1);
    assertThat(meters.get("bus.rounds").tag("outcome", "failed").counter().count()).isEqualTo(1);

    relay(kafka.bootstrapServers(), "node-a").round();
    assertThat(bodiesFor(readTopic(), patient)).extracting(b -> b.get("type").asText())
        .containsExactly("patient.created");
    assertThat(pending()).isZero();
  }

  @Test
  void aBatchWhoseCommitWasLostIsPublishedAgainWholeAndInOrderWithTheSameEventIds() {
    BusRelay relay = relay(kafka.bootstrapServers(), "node-a");
    relay.round();
    String patient = createPatient("Paciente Repetido");
    note(patient, token("dr-bus", Role.PHYSICIAN), "uma nota");

    // the brokers acknowledge, then the transaction that would mark the events sent is lost
    transactions.executeWithoutResult(tx -> {
      assertThat(relay.publishBatch()).isEqualTo(2);
      tx.setRollbackOnly();
    });
    assertThat(pending()).isEqualTo(2);
    relay.round();

    List<JsonNode> copies = bodiesFor(readTopic(), patient);
    assertThat(copies).extracting(b -> b.get("type").asText())
        .containsExactly("patient.created", "note.created", "patient.created", "note.created");
    assertThat(copies.get(2).get("eventId")).isEqualTo(copies.get(0).get("eventId"));
    assertThat(copies.get(3).get("eventId")).isEqualTo(copies.get(1).get("eventId"));
    assertThat(pending()).isZero();
  }

  @Test
  void aWebhookDeliveryThatGoesDeadIsPublishedToTheDeadLetterTopicOnceAndStaysReplayable() {
    String subscriber = "dlq-" + UUID.randomUUID().toString().substring(0, 8);
    String deadLetters = topic + ".dlq";
    BusRelay relay = relay(kafka.bootstrapServers(), "node-a");
    relay.round(); // creates both topics and registers them
    assertThat(jdbc.queryForObject("SELECT count(*) FROM bus_dead_letter_topics WHERE name = ?",
        Integer.class, deadLetters)).isEqualTo(1);
    jdbc.update("INSERT INTO webhook_subscribers (name, url, secret) VALUES (?, ?, ?)", subscriber,
        "http://127.0.0.1:1/never", "a-secret-of-sixteen+");
    try {
      String patient = createPatient("Paciente Carta Morta");
      // what the webhook relay writes after its last attempt (or edgectl events unsubscribe)
      int dead = jdbc.update("UPDATE webhook_deliveries d SET status = 'dead', attempts = 8,"
          + " last_error = 'HTTP 503' FROM outbox_events e WHERE e.seq = d.event_seq"
          + " AND d.subscriber = ? AND e.patient_id = ?::uuid AND d.status <> 'dead'", subscriber, patient);
      jdbc.update("UPDATE webhook_deliveries SET last_error = 'HTTP 503' WHERE subscriber = ?", subscriber);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM bus_dead_letters d JOIN webhook_deliveries w"
          + " ON w.event_seq = d.event_seq AND w.subscriber = d.subscriber WHERE d.topic = ?"
          + " AND d.subscriber = ?", Integer.class, deadLetters, subscriber))
          .as("one dead letter per delivery that went dead, however often the row changes after")
          .isEqualTo(dead).isEqualTo(1);

      relay.round();

      List<ConsumerRecord<String, String>> letters = readTopic(deadLetters).stream()
          .filter(r -> subscriber.equals(header(r, BusRelay.SUBSCRIBER_HEADER))).toList();
      assertThat(letters).hasSize(1);
      JsonNode letter = TestHttp.JSON.readTree(letters.get(0).value());
      assertThat(letter.get("subscriber").asText()).isEqualTo(subscriber);
      assertThat(letter.get("attempts").asInt()).isEqualTo(8);
      assertThat(letter.get("lastError").asText()).isEqualTo("HTTP 503");
      assertThat(letter.get("event").get("type").asText()).isEqualTo("patient.created");
      assertThat(letter.get("event").get("patientId").asText()).isEqualTo(patient);
      assertThat(letters.get(0).key()).as("a patient's dead letters keep their order").isEqualTo(patient);
      assertThat(letters.get(0).value()).doesNotContain("Carta Morta");
      assertThat(jdbc.queryForObject("SELECT count(*) FROM bus_dead_letters WHERE topic = ?",
          Integer.class, deadLetters)).as("deleted once the brokers acknowledged").isZero();
      // the dead delivery itself is still there for edgectl events dlq replay
      assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE subscriber = ?"
          + " AND status = 'dead'", Integer.class, subscriber)).isEqualTo(1);
    } finally {
      jdbc.update("DELETE FROM webhook_deliveries WHERE subscriber = ?", subscriber);
      jdbc.update("DELETE FROM webhook_subscribers WHERE name = ?", subscriber);
    }
  }

  @Test
  void withoutADeadLetterTopicADeadDeliveryWaitsForNoBus() {
    String subscriber = "nobus-" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.update("INSERT INTO webhook_subscribers (name, url, secret) VALUES (?, ?, ?)", subscriber,
        "http://127.0.0.1:1/never", "a-secret-of-sixteen+");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM bus_dead_letter_topics", Integer.class))
        .as("no relay registered a dead-letter topic").isZero();
    try {
      createPatient("Paciente Sem Barramento");
      jdbc.update("UPDATE webhook_deliveries SET status = 'dead', attempts = 8 WHERE subscriber = ?",
          subscriber);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_deliveries WHERE subscriber = ?"
          + " AND status = 'dead'", Integer.class, subscriber)).isEqualTo(1);
      assertThat(jdbc.queryForObject("SELECT count(*) FROM bus_dead_letters WHERE subscriber = ?",
          Integer.class, subscriber)).isZero();
    } finally {
      jdbc.update("DELETE FROM webhook_deliveries WHERE subscriber = ?", subscriber);
      jdbc.update("DELETE FROM webhook_subscribers WHERE name = ?", subscriber);
    }
  }

  private BusRelay relay(String bootstrap, String node) {
    return relay(bootstrap, node, new SimpleMeterRegistry());
  }

  private BusRelay relay(String bootstrap, String node, SimpleMeterRegistry meters) {
    BusProperties properties = new BusProperties(bootstrap, topic, 3, 1, 1, Duration.ofSeconds(1), 2,
        Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(20), "", "");
    return new BusRelay(properties, jdbc, transactions, Clock.systemUTC(), meters, new NodeProperties(node));
  }

  private String note(String patient, String doctor, String text) {
    return api.post("/api/v1/patients/" + patient + "/notes", doctor,
        TestHttp.json(Map.of("type", "evolucao", "text", text))).json().get("id").asText();
  }

  private int pending() {
    return jdbc.queryForObject("SELECT count(*) FROM bus_pending WHERE topic = ?", Integer.class, topic);
  }

  /** The topic from its start to its end now, in each partition's order. */
  private List<ConsumerRecord<String, String>> readTopic() {
    return readTopic(topic);
  }

  private List<ConsumerRecord<String, String>> readTopic(String topic) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static List<JsonNode> bodiesFor(List<ConsumerRecord<String, String>> records, String patient) {
    return records.stream().filter(r -> patient.equals(r.key()))
        .sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
        .map(r -> TestHttp.JSON.readTree(r.value())).toList();
  }

  private static String eventIdHeader(ConsumerRecord<String, String> record) {
    return header(record, BusRelay.EVENT_ID_HEADER);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
