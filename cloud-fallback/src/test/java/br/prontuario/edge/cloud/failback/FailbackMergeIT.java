package br.prontuario.edge.cloud.failback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.cloud.support.ClinicalFixtures;
import br.prontuario.edge.common.audit.AuditChain;
import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.common.audit.AuditEvent;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Split brain across sites, then failback: the cloud and the edge both wrote after the fork; the
 * merge copies the cloud's writes into the edge exactly once, rebases a conflicting
 * acknowledgement and extends the edge's audit chain without breaking it.
 */
class FailbackMergeIT extends CloudFallbackTest {

  @Test
  void mergesCloudWritesIntoTheEdgeOnceAuditedAndRebasedOnEdgeChanges() throws Exception {
    DriverManagerDataSource edgeSource = new DriverManagerDataSource(EDGE, "postgres", "");
    Flyway.configure().dataSource(edgeSource).locations(MIGRATIONS.split(",")).load().migrate();
    JdbcTemplate edge = new JdbcTemplate(edgeSource);

    // shared history up to the fork: the same patient, alert and audit chain on both sides
    UUID patient = fixtures.patient("Iracema Fork", cpf());
    UUID alert = fixtures.entry(patient, "alerts",
        "{\"kind\":\"fall-risk\",\"message\":\"Risco de queda\",\"status\":\"active\"}");
    // (other test classes share this cloud database: copy all of the edge-written state)
    copy("patients", "true", edge);
    copy("clinical_entries", "origin = 'edge'", edge);
    copy("notes", "origin = 'edge'", edge);
    copy("audit_log", "true", edge);

    // the fork: the cloud writes...
    String nurse = token(Role.NURSE);
    String base = "/api/v1/patients/" + patient;
    UUID note = id(http.post(base + "/notes", nurse,
        Map.of("type", "enfermagem", "text", "Sinais vitais estaveis")), "note");
    UUID newAlert = id(http.post(base + "/alerts", nurse,
        Map.of("kind", "other", "message", "Sem acesso venoso")), "alert");
    UUID ack = id(http.post(base + "/alerts/" + alert + "/acknowledgement", nurse, Map.of()),
        "alert");
    // ...and so does the edge, which was alive all along (lost internet link)
    UUID edgeCorrection = new ClinicalFixtures(edge).correct(patient, alert, "alerts",
        "{\"kind\":\"fall-risk\",\"message\":\"Risco de queda alto\",\"status\":\"active\"}");
    try (Connection c = edgeSource.getConnection()) {
      c.setAutoCommit(false);
      AuditChain.append(c, new AuditEvent("edge-user", "nurse", "alert.correct", patient,
          edgeCorrection.toString(), "edge-corr", null, null), Clock.systemUTC());
      c.commit();
    }

    // a write's event committed in the cloud but not chained there yet (ADR 0006): the merge
    // carries it whether the cloud's appender chains it first or not, and only once
    jdbc.update("INSERT INTO audit_pending (occurred_at, actor, role, action, patient_id,"
        + " resource_id, correlation_id) VALUES (now(), 'cloud-nurse', 'nurse',"
        + " 'emergency.pending.check', ?, 'pending-1', 'corr-pending')", patient);

    TestHttp.Reply first = http.post("/api/v1/ops/failback/merge", token(Role.IT_OPS), Map.of());
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    JsonNode report = first.json();
    assertThat(ids(report.get("notes"))).contains(note.toString());
    assertThat(report.get("entries").findValuesAsString("id"))
        .contains(newAlert.toString(), ack.toString());
    assertThat(report.get("auditEvents").asInt()).isGreaterThanOrEqualTo(3);

    assertThat(count(edge, "notes", note)).isEqualTo(1);
    assertThat(count(edge, "clinical_entries", newAlert)).isEqualTo(1);
    assertThat(edge.queryForObject("SELECT origin FROM notes WHERE id = ?", String.class, note))
        .isEqualTo("cloud");
    // the acknowledgement now follows the edge's correction instead of colliding with it
    assertThat(edge.queryForObject("SELECT replaces_id FROM clinical_entries WHERE id = ?",
        UUID.class, ack)).isEqualTo(edgeCorrection);
    assertThat(edge.queryForList("SELECT action FROM audit_log WHERE action LIKE 'merged-from-cloud:%'",
        String.class)).contains("merged-from-cloud:emergency.note.create",
            "merged-from-cloud:emergency.alert.acknowledge");
    try (Connection c = edgeSource.getConnection()) {
      assertThat(new AuditChainVerifier().verify(c)).isInstanceOf(AuditChainVerifier.Intact.class);
    }
    // what was written in the cloud is announced to the subscribers once it is on the edge
    assertThat(edge.queryForList("SELECT type FROM outbox_events WHERE resource_id = ?",
        String.class, note.toString())).containsExactly("note.created");
    assertThat(edge.queryForList("SELECT type FROM outbox_events WHERE resource_id = ?",
        String.class, ack.toString())).containsExactly("alert.corrected");

    // by now the cloud's appender has chained that event too: the second merge must know it
    await().atMost(Duration.ofSeconds(10)).until(() ->
        jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class) == 0);
    long auditRows = edge.queryForObject("SELECT count(*) FROM audit_log", Long.class);
    JsonNode second = http.post("/api/v1/ops/failback/merge", token(Role.IT_OPS), Map.of()).json();
    // the same emergency keeps its fork identity whoever merges (controller, edgectl)
    assertThat(second.get("forkId").asString()).isEqualTo(report.get("forkId").asString());
    assertThat(second.get("notes").size()).isZero();
    assertThat(second.get("entries").size()).isZero();
    assertThat(second.get("auditEvents").asInt()).isZero();
    assertThat(count(edge, "notes", note)).isEqualTo(1);
    assertThat(edge.queryForObject("SELECT count(*) FROM outbox_events WHERE resource_id = ?",
        Integer.class, note.toString())).as("announced once").isEqualTo(1);
    assertThat(edge.queryForObject("SELECT count(*) FROM audit_log", Long.class))
        .isEqualTo(auditRows + 1); // only the "failback.merge" attempt itself
    assertThat(edge.queryForObject("SELECT count(*) FROM audit_log WHERE action ="
        + " 'merged-from-cloud:emergency.pending.check'", Integer.class)).isEqualTo(1);
    assertThat(http.post("/api/v1/ops/failback/merge", nurse, Map.of()).status())
        .isEqualTo(403);
  }

  private static List<String> ids(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asString).toList();
  }

  private static UUID id(TestHttp.Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return UUID.fromString(reply.json().get(field).get("id").asString());
  }

  private static int count(JdbcTemplate db, String table, UUID id) {
    return db.queryForObject("SELECT count(*) FROM " + table + " WHERE id = ?", Integer.class, id);
  }

  /** Copies rows exactly (as replication would have delivered them before the fork). */
  private void copy(String table, String where, JdbcTemplate edge) {
    String order = table.equals("patients") || table.equals("audit_log") ? "1" : "version";
    for (String row : jdbc.queryForList("SELECT row_to_json(t)::text FROM " + table + " t WHERE "
        + where + " ORDER BY " + order, String.class)) {
      edge.update("INSERT INTO " + table + " SELECT * FROM json_populate_record(null::" + table
          + ", ?::json)", row);
    }
  }
}
