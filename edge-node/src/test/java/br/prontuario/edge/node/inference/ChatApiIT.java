package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatApiIT extends InferenceIT {

  @Test
  void answersWithTheGeneratedTextTheStopReasonAndTheDisclaimer() {
    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN), TestHttp.json(Map.of("question", "o paciente")));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("answer").asText()).isEqualTo("tem febre e tosse");
    assertThat(reply.json().get("stopReason").asText()).isEqualTo("STOP_TOKEN");
    assertThat(reply.json().get("disclaimer").asText()).contains("não substitui");
  }

  @Test
  void respectsTheRequestedTokenLimit() {
    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.NURSE),
        TestHttp.json(Map.of("question", "o paciente", "maxTokens", 2)));

    assertThat(reply.json().get("answer").asText()).isEqualTo("tem febre");
    assertThat(reply.json().get("stopReason").asText()).isEqualTo("MAX_TOKENS");
  }

  @Test
  void streamsTokensAsServerSentEventsThenADoneEvent() {
    TestHttp.Reply reply = api.send(api.request("/api/v1/chat/stream", token(Role.PHYSICIAN))
        .header("Content-Type", "application/json").header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(TestHttp.json(Map.of("question", "o paciente")))).build());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/event-stream");
    assertThat(reply.body().split("event:token", -1)).hasSize(5);
    assertThat(reply.body()).contains("{\"text\":\"tem\"}").contains("{\"text\":\" tosse\"}");
    assertThat(reply.body()).contains("event:done").contains("STOP_TOKEN").contains("disclaimer");
  }

  @Test
  void groundsAPatientChatInTheirNotesCitesThemAndAuditsTheRead() {
    String patient = createPatient("Joana Contexto");
    String evolution = writeNote(patient, "evolucao", "Febre há dois dias, tosse produtiva.");
    String prescription = writeNote(patient, "prescricao", "Amoxicilina 500 mg 8/8h por 7 dias.");

    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("question", "Resumo do caso?", "patientId", patient, "maxTokens", 3)));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("patientId").asText()).isEqualTo(patient);
    assertThat(reply.json().get("context").toString()).contains(evolution).contains(prescription);
    assertThat(reply.json().get("mode").asText()).isEqualTo("GENERATED");
    // the test decoder's answer cites nothing, so nothing is reported as cited
    assertThat(reply.json().get("citations").isArray()).isTrue();
    assertThat(reply.json().get("citations")).isEmpty();
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'chat.patient-context'"
        + " AND patient_id = ?::uuid", Integer.class, patient)).isEqualTo(1);
  }

  @Test
  void aChatAboutAnUnknownPatientIs404() {
    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN), TestHttp.json(Map.of(
        "question", "Resumo?", "patientId", "00000000-0000-0000-0000-000000000000")));

    assertThat(reply.status()).isEqualTo(404);
  }

  @Test
  void isForClinicians() {
    assertThat(api.post("/api/v1/chat", token(Role.AUDITOR), TestHttp.json(Map.of("question", "o paciente"))).status())
        .isEqualTo(403);
  }

  private String writeNote(String patient, String type, String text) {
    TestHttp.Reply note = api.post("/api/v1/patients/" + patient + "/notes", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("type", type, "text", text)));
    assertThat(note.status()).isEqualTo(201);
    return note.json().get("id").asText();
  }
}
