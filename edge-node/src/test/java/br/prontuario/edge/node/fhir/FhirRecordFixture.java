package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.patient.Cns;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One patient with something of every kind /fhir maps, written through /api/v1 as clinicians
 * do: a problem, an allergy, a vital sign, an encounter and a note that was corrected once.
 */
record FhirRecordFixture(String patientId, String cpf, String cns, String problemId,
    String allergyId, String vitalSignId, String encounterId, String firstNoteId,
    String correctedNoteId) {

  interface Api {
    TestHttp.Reply post(String path, String json);

    TestHttp.Reply put(String path, String ifMatch, String json);
  }

  static FhirRecordFixture create(Api api, String cpf) {
    String cns = Cns.provisional(System.nanoTime());
    String patient = id(api.post("/api/v1/patients", TestHttp.json(Map.of("name",
        "Maria José da Silva", "birthDate", "1961-03-02", "sex", "female", "cpf", cpf,
        "cns", cns))));
    String base = "/api/v1/patients/" + patient;
    String problem = id(api.post(base + "/problems", TestHttp.json(Map.of(
        "description", "Pneumonia", "cid10", "J18.9", "status", "active",
        "onsetDate", "2026-11-20"))));
    String allergy = id(api.post(base + "/allergies", TestHttp.json(Map.of(
        "substance", "Dipirona", "severity", "moderate", "reaction", "urticária",
        "status", "active"))));
    String vital = id(api.post(base + "/vital-signs", TestHttp.json(Map.of(
        "type", "heart-rate", "value", 112, "measuredAt", "2026-11-25T10:05:00Z"))));
    String encounter = id(api.post(base + "/encounters", TestHttp.json(Map.of(
        "type", "emergency", "status", "closed", "reason", "dor torácica",
        "startedAt", "2026-11-25T10:00:00Z", "endedAt", "2026-11-25T16:00:00Z"))));
    TestHttp.Reply note = api.post(base + "/notes", TestHttp.json(Map.of(
        "type", "evolucao", "text", "Paciente estável, sem febre.")));
    String firstNote = id(note);
    String corrected = id(api.put(base + "/notes/" + firstNote, note.header("ETag"),
        TestHttp.json(Map.of("type", "evolucao", "text", "Paciente estável, afebril."))));
    return new FhirRecordFixture(patient, cpf, cns, problem, allergy, vital, encounter,
        firstNote, corrected);
  }

  private static String id(TestHttp.Reply reply) {
    if (reply.status() / 100 != 2) {
      throw new AssertionError("fixture write failed: " + reply);
    }
    JsonNode body = reply.json();
    return body.get("id").asText();
  }
}
