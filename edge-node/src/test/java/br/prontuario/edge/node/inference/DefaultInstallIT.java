package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.model.RealModels;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.node.support.EdgeNodeIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node as {@code edgectl models install} leaves it (the manifest it writes: real face models and
 * MiniLM, no chat or dictation model): face and retrieval are ready, and a chat about a patient
 * gets an extractive answer citing that patient's real notes.
 */
class DefaultInstallIT extends EdgeNodeIT {

  @DynamicPropertySource
  static void installedModels(DynamicPropertyRegistry registry) {
    registry.add("edge.inference.manifest", () -> RealModels.manifest().toString());
    registry.add("edge.inference.face.encryption-key", () -> InferenceIT.FACE_KEY);
  }

  @Test
  void faceAndRetrievalAreReadyAndTheOthersMissing() {
    var models = api.get("/health/ready", null).json().at("/components/models/details");

    assertThat(models.at("/face/state").asText()).isEqualTo("LOADED");
    assertThat(models.at("/retrieval/state").asText()).isEqualTo("LOADED");
    assertThat(models.at("/chat/state").asText()).isEqualTo("MISSING");
  }

  @Test
  void aChatAboutAPatientAnswersFromTheRecordCitingThatPatientsNotes() {
    String patient = createPatient("Rita Extrativa");
    String other = createPatient("Outro Paciente");
    List<String> notes = new ArrayList<>();
    notes.add(note(patient, "Paciente relata alergia grave a dipirona com urticária generalizada."));
    notes.add(note(patient, "Febre de 38,5 graus há dois dias. Tosse produtiva sem dispneia."));
    notes.add(note(patient, "Retorno em 7 dias com hemograma."));
    String othersNote = note(other, "Alergia a penicilina com anafilaxia.");

    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("question", "O paciente tem alguma alergia a medicamento?", "patientId", patient)));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("mode").asText()).isEqualTo("EXTRACTIVE");
    assertThat(reply.json().get("answer").asText()).startsWith("Resposta extrativa").contains("dipirona");
    List<String> citations = new ArrayList<>();
    reply.json().get("citations").forEach(c -> citations.add(c.asText()));
    assertThat(citations).isNotEmpty().allMatch(notes::contains).doesNotContain(othersNote);
    assertThat(citations.get(0)).isEqualTo(notes.get(0));
    assertThat(reply.json().get("disclaimer").asText()).contains("não substitui");
  }

  @Test
  void aChatWithoutAPatientStillNeedsTheChatModel() {
    TestHttp.Reply reply = api.post("/api/v1/chat", token(Role.PHYSICIAN), TestHttp.json(Map.of("question", "Dose de amoxicilina?")));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().get("model").asText()).isEqualTo("chat");
  }

  private String note(String patient, String text) {
    TestHttp.Reply note = api.post("/api/v1/patients/" + patient + "/notes", token(Role.PHYSICIAN),
        TestHttp.json(Map.of("type", "evolucao", "text", text)));
    assertThat(note.status()).isEqualTo(201);
    return note.json().get("id").asText();
  }
}
