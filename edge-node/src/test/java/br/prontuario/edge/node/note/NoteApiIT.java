package br.prontuario.edge.node.note;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NoteApiIT extends EdgeNodeIT {

  private String notes(String patientId) {
    return "/api/v1/patients/" + patientId + "/notes";
  }

  @Test
  void notesAreListedNewestFirstWithALimitAndACursor() {
    String patient = createPatient("Paciente Notas");
    String doctor = token("dr-notes", Role.PHYSICIAN);
    for (int i = 0; i < 5; i++) {
      TestHttp.Reply written = api.post(notes(patient), doctor,
          TestHttp.json(Map.of("type", "evolucao", "text", "evolução " + i)));
      assertThat(written.status()).isEqualTo(201);
      assertThat(written.json().get("author").asText()).isEqualTo("dr-notes");
      assertThat(written.json().get("recordedAt").asText()).endsWith("Z");
    }
    TestHttp.Reply first = api.get(notes(patient) + "?limit=3", doctor);
    assertThat(first.status()).isEqualTo(200);
    List<String> texts = new ArrayList<>();
    first.json().get("items").forEach(n -> texts.add(n.get("text").asText()));
    assertThat(texts).containsExactly("evolução 4", "evolução 3", "evolução 2");

    String cursor = first.json().get("nextCursor").asText();
    TestHttp.Reply second = api.get(notes(patient) + "?limit=3&cursor=" + cursor, doctor);
    assertThat(second.json().get("items")).hasSize(2);
    assertThat(second.json().get("nextCursor").isNull()).isTrue();
    assertThat(api.get(notes(patient) + "?limit=201", doctor).status()).isEqualTo(400);
  }

  @Test
  void aCloudIdThatFailbackFoldedIntoAnEdgeNoteStillOpensThatNote() {
    String patient = createPatient("Paciente Apelido");
    String doctor = token("dr-alias", Role.PHYSICIAN);
    String edgeId = api.post(notes(patient), doctor,
        TestHttp.json(Map.of("type", "evolucao", "text", "escrita na borda"))).json().get("id").asText();
    UUID cloudId = UUID.randomUUID();
    // what the failback merge writes when the cloud's copy of this write stays out (MergeWriter)
    jdbc.update("INSERT INTO record_aliases (alias_id, record_id, kind, fork_id) VALUES (?, ?, 'note', ?)",
        cloudId, UUID.fromString(edgeId), UUID.randomUUID());

    TestHttp.Reply byCloudId = api.get(notes(patient) + "/" + cloudId, doctor);
    assertThat(byCloudId.status()).isEqualTo(200);
    assertThat(byCloudId.json().get("id").asText()).isEqualTo(edgeId);
    assertThat(byCloudId.json().get("text").asText()).isEqualTo("escrita na borda");
    assertThat(api.get(notes(patient), doctor).json().get("items")).hasSize(1);
    assertThat(api.get(notes(createPatient("Outro Paciente")) + "/" + cloudId, doctor).status())
        .as("an alias names a note of its own patient only").isEqualTo(404);
  }

  @Test
  void aCorrectionIsANewVersionAndTheHistoryKeepsTheOriginal() {
    String patient = createPatient("Paciente Correcao");
    String nurse = token(Role.NURSE);
    TestHttp.Reply original = api.post(notes(patient), nurse,
        TestHttp.json(Map.of("type", "enfermagem", "text", "PA 12x8")));
    String id = original.json().get("id").asText();

    TestHttp.Reply noIfMatch = api.put(notes(patient) + "/" + id, nurse, null,
        TestHttp.json(Map.of("type", "enfermagem", "text", "PA 13x8")));
    assertThat(noIfMatch.status()).isEqualTo(428);

    TestHttp.Reply corrected = api.put(notes(patient) + "/" + id, nurse, original.header("ETag"),
        TestHttp.json(Map.of("type", "enfermagem", "text", "PA 13x8")));
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.json().get("replacesId").asText()).isEqualTo(id);
    assertThat(corrected.json().get("version").asInt()).isEqualTo(2);

    TestHttp.Reply stale = api.put(notes(patient) + "/" + id, nurse, original.header("ETag"),
        TestHttp.json(Map.of("type", "enfermagem", "text", "PA 14x8")));
    assertThat(stale.status()).isEqualTo(412);

    JsonNode listed = api.get(notes(patient), nurse).json().get("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("text").asText()).isEqualTo("PA 13x8");
    JsonNode history = api.get(notes(patient) + "/" + id + "/history", nurse).json();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("text").asText()).isEqualTo("PA 12x8");
  }

  @Test
  void twoConcurrentCorrectionsWithTheSameETagLetExactlyOneWin() throws Exception {
    String patient = createPatient("Paciente Corrida");
    String doctor = token(Role.PHYSICIAN);
    TestHttp.Reply original = api.post(notes(patient), doctor,
        TestHttp.json(Map.of("type", "anamnese", "text", "HDA")));
    String url = notes(patient) + "/" + original.json().get("id").asText();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> racers = List.of(
          () -> api.put(url, doctor, original.header("ETag"),
              TestHttp.json(Map.of("type", "anamnese", "text", "HDA a"))).status(),
          () -> api.put(url, doctor, original.header("ETag"),
              TestHttp.json(Map.of("type", "anamnese", "text", "HDA b"))).status());
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 412);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void onlyPhysiciansWritePrescriptions() {
    String patient = createPatient("Paciente Prescricao");
    TestHttp.Reply byNurse = api.post(notes(patient), token(Role.NURSE),
        TestHttp.json(Map.of("type", "prescricao", "text", "dipirona 1g")));
    assertThat(byNurse.status()).isEqualTo(403);
    assertThat(api.post(notes(patient), token(Role.PHYSICIAN),
        TestHttp.json(Map.of("type", "prescricao", "text", "dipirona 1g"))).status()).isEqualTo(201);
  }

  @Test
  void notesOfAnUnknownPatientAre404() {
    TestHttp.Reply reply = api.get(notes("00000000-0000-0000-0000-000000000000"),
        token(Role.PHYSICIAN));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.isProblem()).isTrue();
  }
}
