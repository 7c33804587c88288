package br.prontuario.edge.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuditTrailIT extends EdgeNodeIT {

  private List<Map<String, Object>> rowsFor(String patient) {
    return jdbc.queryForList("SELECT actor, role, action, correlation_id, before_hash, after_hash"
        + " FROM audit_log WHERE patient_id = ?::uuid ORDER BY seq", patient);
  }

  @Test
  void everyReadAndMutationOfPatientDataAppendsAnAuditRow() {
    String patient = createPatient("Paciente Auditado");
    String nurse = token("enf-ana", Role.NURSE);
    api.send(api.request("/api/v1/patients/" + patient, nurse)
        .header("X-Correlation-Id", "audit-corr-1").GET().build());
    api.post("/api/v1/patients/" + patient + "/notes", nurse,
        TestHttp.json(Map.of("type", "enfermagem", "text", "sinais estáveis")));
    api.get("/api/v1/patients/" + patient + "/notes", nurse);

    List<Map<String, Object>> rows = rowsFor(patient);
    assertThat(rows).extracting(r -> r.get("action"))
        .containsExactly("patient.create", "patient.read", "note.create", "note.list");
    Map<String, Object> read = rows.get(1);
    assertThat(read.get("actor")).isEqualTo("enf-ana");
    assertThat(read.get("role")).isEqualTo("nurse");
    assertThat(read.get("correlation_id")).isEqualTo("audit-corr-1");
    assertThat(rows.get(2).get("after_hash")).asString().hasSize(64);
  }

  @Test
  void aCorrectionRecordsTheHashesOfBothVersions() {
    String patient = createPatient("Paciente Hashes");
    String admin = token(Role.ADMIN);
    api.put("/api/v1/patients/" + patient, admin, "\"1\"", TestHttp.json(Map.of(
        "name", "Paciente Hashes Corrigido", "birthDate", "1980-05-17", "sex", "female")));
    Map<String, Object> correction = rowsFor(patient).get(1);
    assertThat(correction.get("action")).isEqualTo("patient.correct");
    assertThat(correction.get("before_hash")).asString().hasSize(64);
    assertThat(correction.get("after_hash")).asString().hasSize(64)
        .isNotEqualTo(correction.get("before_hash"));
  }

  @Test
  void aRejectedUpdateLeavesNoAuditRowAndNoVersion() {
    String patient = createPatient("Paciente Rejeitado");
    int before = rowsFor(patient).size();
    assertThat(api.put("/api/v1/patients/" + patient, token(Role.ADMIN), "\"9\"", TestHttp.json(
        Map.of("name", "Outro Nome", "birthDate", "1980-05-17", "sex", "female"))).status())
        .isEqualTo(412);
    assertThat(rowsFor(patient)).hasSize(before);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM patient_versions"
        + " WHERE patient_id = ?::uuid", Integer.class, patient)).isEqualTo(1);
  }

  @Test
  void auditorsSeeAnIntactChainAndThePatientsEvents() {
    String patient = createPatient("Paciente Auditor");
    String auditor = token(Role.AUDITOR);
    TestHttp.Reply verify = api.get("/api/v1/audit/verify", auditor);
    assertThat(verify.status()).isEqualTo(200);
    assertThat(verify.json().get("intact").asBoolean()).isTrue();
    assertThat(verify.json().get("rows").asLong()).isPositive();

    JsonNode events = api.get("/api/v1/audit/events?patientId=" + patient, auditor).json();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).get("action").asText()).isEqualTo("patient.create");
  }

  @Test
  void theAuditTableRefusesUpdatesAndDeletes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> jdbc.update("UPDATE audit_log SET actor = 'x' WHERE seq = 1"))
        .hasMessageContaining("append-only");
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> jdbc.update("DELETE FROM audit_log WHERE seq = 1"))
        .hasMessageContaining("append-only");
  }
}
