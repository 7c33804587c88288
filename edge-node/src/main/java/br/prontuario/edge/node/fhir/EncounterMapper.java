package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.EntryRow;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Period;
import tools.jackson.databind.JsonNode;

/** An encounter ({@code type, status, reason, startedAt, endedAt}) as an Encounter. */
final class EncounterMapper {

  private EncounterMapper() {}

  static Encounter toFhir(EntryRow row) {
    JsonNode data = row.data();
    Encounter encounter = new Encounter();
    encounter.setStatus("closed".equals(data.path("status").asText())
        ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(encounterClass(data.path("type").asText()));
    encounter.setSubject(EntryReads.patient(row.patientId()));
    Period period = new Period().setStartElement(
        new DateTimeType(data.path("startedAt").asText()));
    if (data.hasNonNull("endedAt")) {
      period.setEndElement(new DateTimeType(data.get("endedAt").asText()));
    }
    encounter.setPeriod(period);
    if (data.hasNonNull("reason") && !data.get("reason").asText().isBlank()) {
      encounter.addReasonCode(new CodeableConcept().setText(data.get("reason").asText()));
    }
    return encounter;
  }

  private static Coding encounterClass(String type) {
    return switch (type) {
      case "inpatient" -> new Coding(RndsSystems.ACT_CODE, "IMP", "inpatient encounter");
      case "emergency" -> new Coding(RndsSystems.ACT_CODE, "EMER", "emergency");
      default -> new Coding(RndsSystems.ACT_CODE, "AMB", "ambulatory");
    };
  }
}
