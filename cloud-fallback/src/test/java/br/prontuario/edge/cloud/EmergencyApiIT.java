package br.prontuario.edge.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class EmergencyApiIT extends CloudFallbackTest {

  @Autowired AuditLog audit;
  private UUID patient;
  private UUID edgeAlert;

  @BeforeEach
  void edgeRecords() {
    String name = "Zuleide " + UUID.randomUUID().toString().substring(0, 8);
    patient = fixtures.patient(name, cpf());
    fixtures.entry(patient, "allergies",
        "{\"substance\":\"Penicilina\",\"severity\":\"severe\",\"reaction\":\"anafilaxia\",\"status\":\"active\"}");
    fixtures.entry(patient, "allergies",
        "{\"substance\":\"Dipirona\",\"severity\":\"mild\",\"status\":\"refuted\"}");
    fixtures.entry(patient, "problems",
        "{\"description\":\"Insuficiencia cardiaca\",\"cid10\":\"I50.9\",\"status\":\"active\"}");
    edgeAlert = fixtures.entry(patient, "alerts",
        "{\"kind\":\"fall-risk\",\"message\":\"Risco de queda\",\"status\":\"active\"}");
    fixtures.note(patient, "prescricao", "Furosemida 40 mg VO 1x/dia");
    fixtures.note(patient, "evolucao", "Paciente estavel");
  }

  @Test
  void everyResponseSaysEmergencyModeIncludingErrors() {
    assertThat(http.get("/api/v1/mode", token(Role.NURSE)).header("X-Service-Mode"))
        .isEqualTo("emergency");
    TestHttp.Reply unauthenticated = http.get("/api/v1/patients?q=zu", null);
    assertThat(unauthenticated.status()).isEqualTo(401);
    assertThat(unauthenticated.isProblem()).isTrue();
    assertThat(unauthenticated.header("X-Service-Mode")).isEqualTo("emergency");
    assertThat(http.get("/health/ready", null).header("X-Service-Mode")).isEqualTo("emergency");
    assertThat(http.get("/api/v1/mode", token(Role.NURSE)).json().get("mode").asString())
        .isEqualTo("emergency");
  }

  @Test
  void logsInWithUsernameAndPasswordAndOffersNoFaceLogin() {
    jdbc.update("INSERT INTO users (username, role, password_hash) VALUES (?, 'physician', ?)"
        + " ON CONFLICT DO NOTHING", "dra.ana", new PasswordHasher().hash("senha-forte-1".toCharArray()));
    TestHttp.Reply login = http.post("/api/v1/auth/login", null,
        Map.of("username", "dra.ana", "password", "senha-forte-1"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.header("X-Service-Mode")).isEqualTo("emergency");
    String token = login.json().get("accessToken").asString();
    assertThat(http.get("/api/v1/mode", token).status()).isEqualTo(200);

    TestHttp.Reply face = http.post("/api/v1/auth/face", token, Map.of("image", "x"));
    assertThat(face.status()).isEqualTo(404);
    assertThat(face.isProblem()).isTrue();
    assertThat(face.json().get("title").asString()).isEqualTo("Not available in emergency mode");
  }

  @Test
  void findsPatientsByNamePrefixAndCpf() {
    String name = jdbc.queryForObject("SELECT name FROM patients WHERE id = ?", String.class, patient);
    String cpf = jdbc.queryForObject("SELECT cpf FROM patients WHERE id = ?", String.class, patient);
    JsonNode byName = http.get("/api/v1/patients?q=" + name.substring(0, 14).replace(" ", "%20").toLowerCase(),
        token(Role.NURSE)).json();
    assertThat(byName.get("mode").asString()).isEqualTo("emergency");
    assertThat(byName.get("patients").findValuesAsString("id")).containsExactly(patient.toString());
    JsonNode byCpf = http.get("/api/v1/patients?q=" + cpf, token(Role.PHYSICIAN)).json();
    assertThat(byCpf.get("patients").findValuesAsString("id")).containsExactly(patient.toString());
    assertThat(http.get("/api/v1/patients?q=x", token(Role.NURSE)).status()).isEqualTo(400);
  }

  @Test
  void summaryHasActiveAllergiesProblemsMedicationsAlertsAndLastNotes() {
    TestHttp.Reply reply = http.get("/api/v1/patients/" + patient + "/summary", token(Role.PHYSICIAN));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode s = reply.json();
    assertThat(s.get("mode").asString()).isEqualTo("emergency");
    assertThat(s.get("allergies").findValuesAsString("substance")).containsExactly("Penicilina");
    assertThat(s.get("problems").findValuesAsString("cid10")).containsExactly("I50.9");
    assertThat(s.get("activeMedications").findValuesAsString("text"))
        .containsExactly("Furosemida 40 mg VO 1x/dia");
    assertThat(s.get("criticalAlerts").findValuesAsString("message")).containsExactly("Risco de queda");
    assertThat(s.get("lastNotes").size()).isEqualTo(2);
    assertThat(http.get("/api/v1/patients/" + UUID.randomUUID() + "/summary", token(Role.NURSE))
        .status()).isEqualTo(404);
    assertThat(http.get("/api/v1/patients/" + patient + "/summary", token(Role.ADMIN)).status())
        .isEqualTo(403);
  }

  @Test
  void alertsAreCreatedAndAcknowledgedAsNewCloudRowsLeavingEdgeRowsUntouched() {
    String before = jdbc.queryForObject("SELECT data::text FROM clinical_entries WHERE id = ?",
        String.class, edgeAlert);
    TestHttp.Reply created = http.post("/api/v1/patients/" + patient + "/alerts", token(Role.NURSE),
        Map.of("kind", "critical-lab-value", "message", "Potassio 6.8"));
    assertThat(created.status()).isEqualTo(201);
    UUID newAlert = UUID.fromString(created.json().get("alert").get("id").asString());
    assertThat(origin(newAlert)).isEqualTo("cloud");

    TestHttp.Reply ack = http.post("/api/v1/patients/" + patient + "/alerts/" + edgeAlert
        + "/acknowledgement", token(Role.PHYSICIAN), Map.of());
    assertThat(ack.status()).isEqualTo(201);
    UUID ackId = UUID.fromString(ack.json().get("alert").get("id").asString());
    assertThat(ackId).isNotEqualTo(edgeAlert);
    assertThat(origin(ackId)).isEqualTo("cloud");
    assertThat(jdbc.queryForObject("SELECT replaces_id FROM clinical_entries WHERE id = ?",
        UUID.class, ackId)).isEqualTo(edgeAlert);
    assertThat(jdbc.queryForObject("SELECT data::text FROM clinical_entries WHERE id = ?",
        String.class, edgeAlert)).isEqualTo(before);

    TestHttp.Reply again = http.post("/api/v1/patients/" + patient + "/alerts/" + edgeAlert
        + "/acknowledgement", token(Role.PHYSICIAN), Map.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
    JsonNode open = http.get("/api/v1/patients/" + patient + "/alerts", token(Role.NURSE)).json();
    assertThat(open.get("alerts").findValuesAsString("status"))
        .containsExactlyInAnyOrder("active", "acknowledged");
  }

  @Test
  void emergencyNotesAreAppendedWithCloudOriginAndPrescriptionsNeedAPhysician() {
    TestHttp.Reply note = http.post("/api/v1/patients/" + patient + "/notes", token(Role.NURSE),
        Map.of("type", "enfermagem", "text", "PA 90x60, acesso venoso"));
    assertThat(note.status()).isEqualTo(201);
    UUID id = UUID.fromString(note.json().get("note").get("id").asString());
    assertThat(jdbc.queryForObject("SELECT origin || ':' || version || ':' || (replaces_id IS NULL)"
        + " FROM notes WHERE id = ?", String.class, id)).isEqualTo("cloud:1:true");
    assertThat(http.post("/api/v1/patients/" + patient + "/notes", token(Role.NURSE),
        Map.of("type", "prescricao", "text", "x")).status()).isEqualTo(403);
    TestHttp.Reply bad = http.post("/api/v1/patients/" + patient + "/notes", token(Role.NURSE),
        Map.of("type", "laudo", "text", "x"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.isProblem()).isTrue();
  }

  @Test
  void chatAnswersFromTheSummaryAndSaysItIsNotAnAi() {
    TestHttp.Reply reply = http.post("/api/v1/patients/" + patient + "/chat", token(Role.PHYSICIAN),
        Map.of("question", "Quais alergias o paciente tem?"));
    assertThat(reply.status()).isEqualTo(200);
    JsonNode chat = reply.json();
    assertThat(chat.get("mode").asString()).isEqualTo("emergency");
    assertThat(chat.get("source").asString()).isEqualTo("emergency-summary");
    assertThat(chat.get("label").asString()).contains("não é um modelo de IA");
    assertThat(chat.get("answer").get(0).asString()).contains("Penicilina");
  }

  @Test
  void readsThePatientHeaderAChartOpenedInNormalModeAsksForFirst() {
    long before = jdbc.queryForObject("SELECT max(seq) FROM audit_log", Long.class);
    TestHttp.Reply reply = http.get("/api/v1/patients/" + patient, token(Role.PHYSICIAN));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.header("X-Service-Mode")).isEqualTo("emergency");
    assertThat(reply.json().get("id").asString()).isEqualTo(patient.toString());
    assertThat(reply.json().get("name").asString()).startsWith("Zuleide ");
    assertThat(reply.json().has("cpf")).as("the header only: name, birth date, sex").isFalse();
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE seq > ? AND patient_id = ?",
        String.class, before, patient)).containsExactly("emergency.patient.read");
    TestHttp.Reply unknown = http.get("/api/v1/patients/" + UUID.randomUUID(), token(Role.NURSE));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(http.get("/api/v1/patients/" + patient, token(Role.ADMIN)).status()).isEqualTo(403);
  }

  @Test
  void everyReadAndWriteIsInTheSameIntactAuditChain() {
    long before = jdbc.queryForObject("SELECT count(*) FROM audit_log", Long.class);
    http.get("/api/v1/patients/" + patient + "/summary", token(Role.NURSE));
    http.post("/api/v1/patients/" + patient + "/notes", token(Role.NURSE),
        Map.of("type", "evolucao", "text", "sem intercorrencias"));
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE seq > ? ORDER BY seq",
        String.class, before)).containsExactly("emergency.summary.read", "emergency.note.create");
    assertThat(audit.verify()).isInstanceOf(AuditChainVerifier.Intact.class);
  }

  @Test
  void isReadyOnceItsDatabaseIsAPrimary() {
    TestHttp.Reply ready = http.get("/health/ready", null);
    assertThat(ready.status()).isEqualTo(200);
  }

  private String origin(UUID entryId) {
    return jdbc.queryForObject("SELECT origin FROM clinical_entries WHERE id = ?", String.class,
        entryId);
  }
}
