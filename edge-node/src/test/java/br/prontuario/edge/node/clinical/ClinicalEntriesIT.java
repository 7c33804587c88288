package br.prontuario.edge.node.clinical;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClinicalEntriesIT extends EdgeNodeIT {

  private String base(String patient, String kind) {
    return "/api/v1/patients/" + patient + "/" + kind;
  }

  @Test
  void aSevereAllergyAlsoRaisesACriticalAlert() {
    String patient = createPatient("Paciente Alergia");
    String nurse = token(Role.NURSE);
    TestHttp.Reply allergy = api.post(base(patient, "allergies"), nurse, TestHttp.json(Map.of(
        "substance", "Penicilina", "severity", "severe", "reaction", "anafilaxia",
        "status", "active")));
    assertThat(allergy.status()).isEqualTo(201);
    assertThat(allergy.json().get("data").get("severity").asText()).isEqualTo("severe");

    JsonNode alerts = api.get(base(patient, "alerts"), nurse).json().get("items");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("data").get("kind").asText()).isEqualTo("severe-allergy");
    assertThat(alerts.get(0).get("data").get("message").asText()).contains("Penicilina");
  }

  @Test
  void acknowledgingAnAlertIsACorrectionThatKeepsTheHistory() {
    String patient = createPatient("Paciente Alerta");
    String doctor = token(Role.PHYSICIAN);
    TestHttp.Reply alert = api.post(base(patient, "alerts"), doctor, TestHttp.json(Map.of(
        "kind", "critical-lab-value", "message", "Potássio 6,8 mEq/L", "status", "active")));
    String url = base(patient, "alerts") + "/" + alert.json().get("id").asText();
    Map<String, String> acknowledged = Map.of("kind", "critical-lab-value",
        "message", "Potássio 6,8 mEq/L", "status", "acknowledged");

    assertThat(api.put(url, doctor, null, TestHttp.json(acknowledged)).status()).isEqualTo(428);
    assertThat(api.put(url, doctor, "\"someone-else\"", TestHttp.json(acknowledged)).status())
        .isEqualTo(412);
    TestHttp.Reply ack = api.put(url, doctor, alert.header("ETag"), TestHttp.json(acknowledged));
    assertThat(ack.status()).isEqualTo(200);

    JsonNode history = api.get(url + "/history", doctor).json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("data").get("status").asText()).isEqualTo("active");
    assertThat(history.get(1).get("data").get("status").asText()).isEqualTo("acknowledged");
    assertThat(api.get(base(patient, "alerts"), doctor).json().get("items")).hasSize(1);
  }

  @Test
  void encountersVitalSignsAndProblemsAreRecordedAndListed() {
    String patient = createPatient("Paciente Completo");
    String doctor = token(Role.PHYSICIAN);
    assertThat(api.post(base(patient, "encounters"), token(Role.ADMIN), TestHttp.json(Map.of(
        "type", "emergency", "status", "open", "reason", "dor torácica",
        "startedAt", "2026-11-25T10:00:00Z"))).status()).isEqualTo(201);
    assertThat(api.post(base(patient, "vital-signs"), token(Role.NURSE), TestHttp.json(Map.of(
        "type", "heart-rate", "value", 112, "measuredAt", "2026-11-25T10:05:00Z"))).status())
        .isEqualTo(201);
    assertThat(api.post(base(patient, "problems"), doctor, TestHttp.json(Map.of(
        "description", "Pneumonia", "cid10", "J18.9", "status", "active"))).status())
        .isEqualTo(201);

    for (String kind : new String[] {"encounters", "vital-signs", "problems"}) {
      assertThat(api.get(base(patient, kind), doctor).json().get("items")).hasSize(1);
    }
  }

  @Test
  void aClosedEncounterWithoutAnEndIsRejected() {
    String patient = createPatient("Paciente Encontro");
    TestHttp.Reply reply = api.post(base(patient, "encounters"), token(Role.PHYSICIAN), TestHttp.json(
        Map.of("type", "outpatient", "status", "closed", "startedAt", "2026-11-25T10:00:00Z")));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
  }
}
