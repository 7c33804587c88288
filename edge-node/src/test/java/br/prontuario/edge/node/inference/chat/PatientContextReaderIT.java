package br.prontuario.edge.node.inference.chat;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.InferenceIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PatientContextReaderIT extends InferenceIT {

  @Autowired PatientContextReader reader;

  @Test
  void buildsTheContextFromAllergiesProblemsPrescriptionsAndCurrentNotes() {
    String patient = createPatient("Clara Resumo");
    post(patient, "allergies", Map.of("substance", "Dipirona", "severity", "severe", "reaction", "urticaria", "status", "active"));
    post(patient, "problems", Map.of("description", "Pneumonia comunitaria", "cid10", "J18.9", "status", "active"));
    String prescription = post(patient, "notes", Map.of("type", "prescricao", "text", "Amoxicilina 500 mg 8/8h")).json().get("id").asText();
    TestHttp.Reply original = post(patient, "notes", Map.of("type", "evolucao", "text", "Febre 39 graus"));
    TestHttp.Reply correction = api.put("/api/v1/patients/" + patient + "/notes/" + original.json().get("id").asText(),
        token(Role.PHYSICIAN), original.header("ETag"), TestHttp.json(Map.of("type", "evolucao", "text", "Febre 38 graus")));
    assertThat(correction.status()).isEqualTo(200);

    PatientContext context = reader.read(UUID.fromString(patient), new ClinicalPrincipal("dr", Set.of(Role.PHYSICIAN)), "Resumo?");

    assertThat(context.text()).contains("Dipirona (severe, urticaria, active)").contains("[CID J18.9]")
        .contains("Amoxicilina").contains("Febre 38 graus").doesNotContain("Febre 39 graus");
    assertThat(context.sourceNoteIds()).extracting(UUID::toString)
        .containsExactlyInAnyOrder(prescription, correction.json().get("id").asText());
  }

  @Test
  void givesNothingToARoleThatMayNotReadClinicalData() {
    String patient = createPatient("Clara Admin");
    post(patient, "notes", Map.of("type", "evolucao", "text", "Dado clinico"));

    PatientContext context = reader.read(UUID.fromString(patient), new ClinicalPrincipal("adm", Set.of(Role.ADMIN)), "Resumo?");

    assertThat(context.text()).isEmpty();
    assertThat(context.sourceNoteIds()).isEmpty();
  }

  @Test
  void picksTheNotesRelevantToTheQuestionNotOnlyTheLatest() {
    String patient = createPatient("Clara Busca");
    String allergy = post(patient, "notes", Map.of("type", "anamnese",
        "text", "Paciente refere alergia a penicilina, com urticária e edema de face.")).json().get("id").asText();
    for (int i = 0; i < 6; i++) {
      post(patient, "notes", Map.of("type", "evolucao", "text", "Curativo do joelho trocado, ferida limpa, dia " + i));
    }

    PatientContext context = reader.read(UUID.fromString(patient), new ClinicalPrincipal("dr", Set.of(Role.PHYSICIAN)),
        "Tem alergia a penicilina?");

    // the allergy note is the oldest of seven: by recency alone (5 notes) it would be left out
    assertThat(context.sourceNoteIds()).hasSize(5);
    assertThat(context.sourceNoteIds().get(0).toString()).isEqualTo(allergy);
  }

  private TestHttp.Reply post(String patient, String kind, Map<String, Object> body) {
    TestHttp.Reply reply = api.post("/api/v1/patients/" + patient + "/" + kind, token(Role.PHYSICIAN), TestHttp.json(body));
    assertThat(reply.status()).as(kind + " " + reply.body()).isEqualTo(201);
    return reply;
  }
}
