package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.RealKafka;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** events tail against a real PostgreSQL with a node's outbox table. */
class EventsTailIT {

  private static int databases;
  private String url;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void anOutboxWithTwelveEvents() throws Exception {
    url = SharedPostgres.database("edgectl_events_tail_" + (++databases));
    sql(Files.readString(Path.of("../edge-node/src/main/resources/db/migration/edge/V111__outbox_events.sql")));
    for (int i = 1; i <= 12; i++) {
      event(i % 3 == 0 ? "allergy.recorded" : "note.created", "r" + i);
    }
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"}}");
  }

  @Test
  void printsTheLastTenInSequenceOrder() {
    assertThat(run("events", "tail", "--json", "--dir", dir.toString())).isZero();

    List<JsonNode> events = json();
    assertThat(events).extracting(e -> e.get("seq").asLong()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(events.get(0).get("resourceId").asString()).isEqualTo("r3");
    assertThat(events.get(0).get("type").asString()).isEqualTo("allergy.recorded");
  }

  @Test
  void afterASequenceNumberAndOfOneType() {
    assertThat(run("events", "tail", "--after", "5", "--type", "note.created", "--json",
        "--dir", dir.toString())).isZero();

    assertThat(json()).extracting(e -> e.get("seq").asLong()).containsExactly(7L, 8L, 10L, 11L);
  }

  @Test
  void followPrintsWhatCommitsLaterAndStopsAfterCount() throws Exception {
    CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> run("events", "tail",
        "--lines", "0", "--follow", "--count", "2", "--json", "--dir", dir.toString()));
    Thread.sleep(1000);
    assertThat(tail).isNotDone();

    event("note.created", "late-1");
    event("note.amended", "late-2");

    assertThat(tail.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(json()).extracting(e -> e.get("resourceId").asString()).containsExactly("late-1", "late-2");
  }

  @Test
  void anEmptyOutboxSaysSoAndBadOptionsAreOneLine() throws Exception {
    sql("DELETE FROM outbox_events");
    assertThat(run("events", "tail", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).isEqualTo("no events\n");

    assertThat(run("events", "tail", "--lines", "-1", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("edgectl: --lines must be between 0 and 10000");
  }

  @Test
  void theBusTopicPrintsEachEventOnceInSequenceOrderAndSaysHowManyCopiesItSkipped() throws Exception {
    try (RealKafka kafka = RealKafka.start("events-tail")) {
      String topic = "events-tail-" + UUID.randomUUID().toString().substring(0, 8);
      try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      String patient = UUID.randomUUID().toString();
      List<String> bodies = new ArrayList<>();
      for (int seq = 1; seq <= 4; seq++) {
        bodies.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + (seq == 1 ? "patient.created" : "note.created")
            + "\",\"occurredAt\":\"2026-12-03T10:00:0" + seq + "Z\",\"patientId\":\"" + patient
            + "\",\"resourceId\":\"r" + seq + "\",\"sequence\":" + seq + "}");
      }
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
        // the relay's batch of 3, then (its commit lost in a failover) the same batch again, then the 4th
        for (String body : List.of(bodies.get(0), bodies.get(1), bodies.get(2), bodies.get(0), bodies.get(1),
            bodies.get(2), bodies.get(3))) {
          producer.send(new ProducerRecord<>(topic, patient, body)).get(30, TimeUnit.SECONDS);
        }
      }
      Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
          + "\"bus\":{\"bootstrapServers\":\"" + kafka.bootstrapServers() + "\",\"topic\":\"" + topic + "\"}}");

      assertThat(run("events", "tail", "--bus", "--json", "--dir", dir.toString())).as(err.toString()).isZero();
      assertThat(json()).extracting(e -> e.get("resourceId").asString()).containsExactly("r1", "r2", "r3", "r4");

      out.getBuffer().setLength(0);
      assertThat(run("events", "tail", "--bus", "--type", "note.created", "--lines", "1", "--dir", dir.toString())).isZero();
      assertThat(out.toString()).contains("note.created", "r4").doesNotContain("r3")
          .contains("(3 copies of events already printed were skipped: published again after a failover)");
    }
  }

  @Test
  void aClusterWithoutABusSaysSoInOneLine() {
    assertThat(run("events", "tail", "--bus", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString().strip()).startsWith("edgectl: ").contains("names no event bus").doesNotContain("\n");
  }

  private void event(String type, String resource) throws Exception {
    sql("INSERT INTO outbox_events (event_id, type, patient_id, resource_id, occurred_at) VALUES ('"
        + UUID.randomUUID() + "', '" + type + "', '" + UUID.randomUUID() + "', '" + resource + "', now())");
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private List<JsonNode> json() {
    JsonMapper mapper = JsonMapper.builder().build();
    return out.toString().lines().map(mapper::readTree).toList();
  }

  private int run(String... args) {
    return EdgeCtlRun.execute(out, err, args);
  }
}
