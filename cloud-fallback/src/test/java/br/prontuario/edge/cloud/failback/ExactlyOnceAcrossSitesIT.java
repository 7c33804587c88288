package br.prontuario.edge.cloud.failback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.common.idempotency.EdgeSite;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.cloud.replication.EdgeDatabase;
import br.prontuario.edge.cloud.replication.EdgeDatabases;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * One clinician's write, retried with one Idempotency-Key at the cloud and at the edge, is one
 * record on the edge after failback: whether the retry reaches the edge before the merge (the
 * merge leaves the cloud copy out), after it (the edge replays the merged response) or while it
 * runs (the edge's idempotency row decides which one writes). The edge is clinical-common's real
 * idempotency filter on its own database ({@link EdgeSite}); the cloud is cloud-fallback.
 */
class ExactlyOnceAcrossSitesIT extends CloudFallbackTest {

  private static final String OWN_EDGE = SharedPostgres.database("cloud_exactly_once_edge");
  private static final String NURSE = "nurse-user";

  private JdbcTemplate edge;
  private DriverManagerDataSource edgeSource;
  private EdgeSite edgeSite;
  private UUID patient;
  private EdgeDatabase edgePool;

  @AfterEach
  void closePool() {
    edgePool.destroy();
  }

  @BeforeEach
  void edgeDatabase() {
    edgeSource = new DriverManagerDataSource(OWN_EDGE, "postgres", "");
    Flyway.configure().dataSource(edgeSource).locations(MIGRATIONS.split(",")).load().migrate();
    edge = new JdbcTemplate(edgeSource);
    edgeSite = new EdgeSite(edgeSource);
    patient = fixtures.patient("Jurema Retry", cpf());
    edgePool = EdgeDatabases.at(OWN_EDGE);
    copyEdgeHistory(); // the patient was there before the fork
  }

  @Test
  void everyCloudWriteNeedsAKeyAndKeepsItWithItsResponse() {
    UUID alert = fixtures.entry(patient, "alerts",
        "{\"kind\":\"fall-risk\",\"message\":\"Risco\",\"status\":\"active\"}");
    Write ack = new Write("alert", "/api/v1/patients/" + patient + "/alerts/" + alert
        + "/acknowledgement", "{}", newKey(), "clinical_entries", null);
    for (Write write : List.of(Write.of("notes", patient), Write.of("alerts", patient), ack)) {
      TestHttp.Reply unkeyed = http.send(http.request(write.path(), token(Role.NURSE))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(write.body())).build());
      assertThat(unkeyed.status()).as(write.path()).isEqualTo(400);

      UUID id = write.cloudId(cloudPost(write));
      assertThat(jdbc.queryForObject("SELECT idempotency_key FROM " + write.table()
          + " WHERE id = ?", String.class, id)).isEqualTo(write.key());
      assertThat(jdbc.queryForObject("SELECT location FROM idempotency_keys WHERE principal = ?"
          + " AND idem_key = ?", String.class, NURSE, write.key())).endsWith("/" + id);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes", "alerts"})
  void aRetryThatReachedTheEdgeBeforeTheMergeKeepsTheCloudCopyOut(String records) {
    Write write = Write.of(records, patient);
    UUID cloudId = write.cloudId(cloudPost(write));
    EdgeSite.Reply atEdge = edgePost(write, () -> {});
    assertThat(atEdge.replayed()).as("the edge did not know the key yet").isFalse();
    UUID edgeId = write.edgeId(atEdge);

    JsonNode report = merge();
    assertThat(alreadyOnEdge(report)).contains(
        write.record() + " " + cloudId + " " + edgeId);
    assertThat(mergedIds(report)).doesNotContain(cloudId.toString());
    assertThat(write.stored(edge)).containsExactly(edgeId);
    // the client may hold the cloud's acknowledgement: that id keeps naming the edge's record
    assertThat(edge.queryForObject("SELECT record_id FROM record_aliases WHERE alias_id = ?",
        UUID.class, cloudId)).isEqualTo(edgeId);

    JsonNode again = merge();
    assertThat(alreadyOnEdge(again)).isEmpty();
    assertThat(mergedIds(again)).doesNotContain(cloudId.toString());
    EdgeSite.Reply later = edgePost(write, () -> {});
    assertThat(later.replayed()).isTrue();
    assertThat(write.edgeId(later)).isEqualTo(edgeId);
    assertThat(write.stored(edge)).containsExactly(edgeId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes", "alerts"})
  void aKeyFirstUsedInTheCloudReplaysTheMergedResponseOnTheEdge(String records) {
    Write write = Write.of(records, patient);
    TestHttp.Reply atCloud = cloudPost(write);
    UUID cloudId = write.cloudId(atCloud);

    assertThat(mergedIds(merge())).contains(cloudId.toString());
    EdgeSite.Reply atEdge = edgePost(write, () -> {});

    assertThat(atEdge.replayed()).isTrue();
    assertThat(atEdge.status()).isEqualTo(atCloud.status());
    assertThat(atEdge.body()).isEqualTo(atCloud.body());
    assertThat(atEdge.location()).isEqualTo(atCloud.header("Location"));
    assertThat(write.stored(edge)).containsExactly(cloudId);
  }

  @Test
  void anAcknowledgementMergedFromTheCloudReplaysOnTheEdge() {
    UUID alert = fixtures.entry(patient, "alerts",
        "{\"kind\":\"fall-risk\",\"message\":\"Risco de queda\",\"status\":\"active\"}");
    Write ack = new Write("alert", "/api/v1/patients/" + patient + "/alerts/" + alert
        + "/acknowledgement", "{}", newKey(), null, null);
    TestHttp.Reply atCloud = cloudPost(ack);
    UUID ackId = ack.cloudId(atCloud);

    assertThat(mergedIds(merge())).contains(ackId.toString());
    EdgeSite.Reply atEdge = edgePost(ack, () -> {});

    assertThat(atEdge.replayed()).isTrue();
    assertThat(atEdge.body()).isEqualTo(atCloud.body());
    assertThat(edge.queryForList("SELECT id FROM clinical_entries WHERE root_id = ?"
        + " ORDER BY version", UUID.class, alert)).containsExactly(alert, ackId);
  }

  @Test
  void aCloudAcknowledgementOfAnAlertTheEdgeAlreadyHasFollowsTheEdgesAlert() {
    Write raise = Write.of("alerts", patient);
    UUID cloudAlert = raise.cloudId(cloudPost(raise));
    UUID edgeAlert = raise.edgeId(edgePost(raise, () -> {}));
    // another clinician in the cloud acknowledges the cloud's copy
    Write ack = new Write("alert", "/api/v1/patients/" + patient + "/alerts/" + cloudAlert
        + "/acknowledgement", "{}", newKey(), null, null);
    UUID ackId = ack.cloudId(cloudPost(ack));

    JsonNode report = merge();

    assertThat(alreadyOnEdge(report)).contains("alerts " + cloudAlert + " " + edgeAlert);
    assertThat(edge.queryForList("SELECT id FROM clinical_entries WHERE patient_id = ?"
        + " AND kind = 'alerts' ORDER BY version", UUID.class, patient))
        .containsExactly(edgeAlert, ackId);
    assertThat(edge.queryForObject("SELECT replaces_id FROM clinical_entries WHERE id = ?",
        UUID.class, ackId)).isEqualTo(edgeAlert);
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes", "alerts"})
  void anEdgeRequestHoldingTheKeyWinsOverAConcurrentMerge(String records) throws Exception {
    Write write = Write.of(records, patient);
    UUID cloudId = write.cloudId(cloudPost(write));
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<EdgeSite.Reply> atEdge = CompletableFuture.supplyAsync(
        () -> edgePost(write, () -> {
          inHandler.countDown();
          awaitQuietly(release);
        }));
    assertThat(inHandler.await(60, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<JsonNode> merging = CompletableFuture.supplyAsync(this::merge);
    awaitWaiters("INSERT INTO idempotency_keys%", 1); // the merge waits for the edge's key
    release.countDown();

    UUID edgeId = write.edgeId(atEdge.get(60, TimeUnit.SECONDS));
    JsonNode report = merging.get(60, TimeUnit.SECONDS);
    assertThat(alreadyOnEdge(report)).contains(write.record() + " " + cloudId + " " + edgeId);
    assertThat(write.stored(edge)).containsExactly(edgeId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"notes", "alerts"})
  void aMergeHoldingTheKeyMakesAConcurrentEdgeRetryReplay(String records) throws Exception {
    Write write = Write.of(records, patient);
    TestHttp.Reply atCloud = cloudPost(write);
    UUID cloudId = write.cloudId(atCloud);
    CompletableFuture<JsonNode> merging;
    CompletableFuture<EdgeSite.Reply> atEdge;
    try (Connection auditLock = edgeSource.getConnection()) {
      // hold the edge's audit chain: the merge carries its keys, then waits here to append
      auditLock.setAutoCommit(false);
      auditLock.createStatement().execute("SELECT pg_advisory_xact_lock(" + 0x4155444954L + ")");
      merging = CompletableFuture.supplyAsync(this::merge);
      awaitWaiters("SELECT pg_advisory_xact_lock%", 1);
      atEdge = CompletableFuture.supplyAsync(() -> edgePost(write, () -> {}));
      awaitWaiters("INSERT INTO idempotency_keys%", 1); // the retry waits for the merge's key
      auditLock.commit();
    }

    JsonNode report = merging.get(60, TimeUnit.SECONDS);
    EdgeSite.Reply reply = atEdge.get(60, TimeUnit.SECONDS);
    assertThat(mergedIds(report)).contains(cloudId.toString());
    assertThat(reply.replayed()).isTrue();
    assertThat(reply.body()).isEqualTo(atCloud.body());
    assertThat(write.stored(edge)).containsExactly(cloudId);
  }

  /**
   * One clinician's write: the same path, body and key wherever it is sent. cloudField names the
   * record in the cloud's answer; edgeWriter writes it as edge-node would; table holds it.
   */
  private record Write(String cloudField, String path, String body, String key, String table,
      Function<JdbcTemplate, UUID> edgeWriter) {

    static Write of(String records, UUID patient) {
      String path = "/api/v1/patients/" + patient + "/" + records;
      if (records.equals("notes")) {
        String text = "Evolucao " + UUID.randomUUID();
        String body = "{\"type\":\"evolucao\",\"text\":\"" + text + "\"}";
        return new Write("note", path, body, newKey(), "notes", edge -> {
              UUID id = UUID.randomUUID();
              edge.update("INSERT INTO notes (id, root_id, version, patient_id, type, text, author,"
                  + " author_role, recorded_at) VALUES (?, ?, 1, ?, 'evolucao', ?, ?, 'nurse',"
                  + " now())", id, id, patient, text, NURSE);
              return id;
            });
      }
      String message = "Alerta " + UUID.randomUUID();
      String body = "{\"kind\":\"other\",\"message\":\"" + message + "\"}";
      return new Write("alert", path, body, newKey(), "clinical_entries", edge -> {
            UUID id = UUID.randomUUID();
            edge.update("INSERT INTO clinical_entries (id, root_id, version, patient_id, kind, data,"
                + " recorded_by, recorded_at) VALUES (?, ?, 1, ?, 'alerts', jsonb_build_object("
                + "'kind', 'other', 'message', ?::text, 'status', 'active'), ?, now())", id, id,
                patient, message, NURSE);
            return id;
          });
    }

    /** "note" or the entry kind, as the merge report names the record. */
    String record() {
      return table.equals("notes") ? "note" : "alerts";
    }

    UUID cloudId(TestHttp.Reply reply) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      return UUID.fromString(reply.json().get(cloudField).get("id").asString());
    }

    UUID edgeId(EdgeSite.Reply reply) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      return UUID.fromString(TestHttp.JSON.readTree(reply.body()).get("id").asString());
    }

    /** The edge's records of this write: those carrying its text or message. */
    List<UUID> stored(JdbcTemplate edge) {
      String marker = body.replaceAll(".*\"(Evolucao|Alerta) ([0-9a-f-]{36})\".*", "$1 $2");
      return table.equals("notes")
          ? edge.queryForList("SELECT id FROM notes WHERE text = ?", UUID.class, marker)
          : edge.queryForList("SELECT id FROM clinical_entries WHERE data->>'message' = ?",
              UUID.class, marker);
    }
  }

  private TestHttp.Reply cloudPost(Write write) {
    return http.send(http.request(write.path(), token(Role.NURSE))
        .header("Content-Type", "application/json").header("Idempotency-Key", write.key())
        .POST(HttpRequest.BodyPublishers.ofString(write.body())).build());
  }

  private EdgeSite.Reply edgePost(Write write, Runnable beforeCommit) {
    return edgeSite.post(NURSE, write.path(), write.body(), write.key(), write.edgeWriter(),
        beforeCommit);
  }

  /**
   * Failback's merge into this test's own edge (the API's merge writes into the edge database the
   * other API tests share), after what replication gave the edge before the fork; the report as
   * the merge endpoint answers it.
   */
  private JsonNode merge() {
    copyEdgeHistory();
    MergeReport report = new CloudMerge(jdbc, edgePool, Clock.systemUTC()).merge("it-ops-user");
    return TestHttp.JSON.valueToTree(report);
  }

  /** The cloud database is shared by every API test: copy what any of them wrote as the edge. */
  private void copyEdgeHistory() {
    copyRows("patients", "true", "1");
    copyRows("clinical_entries", "origin = 'edge'", "version");
    copyRows("notes", "origin = 'edge'", "version");
  }

  private void copyRows(String table, String where, String order) {
    for (String row : jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t WHERE "
        + where + " ORDER BY " + order, String.class)) {
      edge.update("INSERT INTO " + table + " SELECT * FROM json_populate_record(null::" + table
          + ", ?::json) ON CONFLICT DO NOTHING", row);
    }
  }

  private static List<String> alreadyOnEdge(JsonNode report) {
    return report.get("alreadyOnEdge").valueStream().map(r -> r.get("record").asString() + " "
        + r.get("cloudId").asString() + " " + r.path("edgeId").asString(null)).toList();
  }

  private static List<String> mergedIds(JsonNode report) {
    List<String> notes = report.get("notes").valueStream().map(JsonNode::asString).toList();
    List<String> entries = report.get("entries").findValuesAsString("id");
    return java.util.stream.Stream.concat(notes.stream(), entries.stream()).toList();
  }

  /** Waits until n sessions on the edge database wait for a lock inside a statement like query. */
  private void awaitWaiters(String query, int n) {
    await().atMost(Duration.ofSeconds(60)).until(() -> edge.queryForObject("SELECT count(*) FROM"
        + " pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        + " AND query LIKE ?", Integer.class, query) >= n);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the edge request");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String newKey() {
    return "retry-" + UUID.randomUUID();
  }
}
