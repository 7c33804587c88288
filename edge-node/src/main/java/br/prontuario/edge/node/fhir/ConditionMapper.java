package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.EntryRow;
import java.sql.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import tools.jackson.databind.JsonNode;

/** A problem-list entry ({@code description, cid10, status, onsetDate}) as a Condition. */
final class ConditionMapper {

  private ConditionMapper() {}

  static Condition toFhir(EntryRow row) {
    JsonNode data = row.data();
    Condition condition = new Condition();
    condition.setClinicalStatus(new CodeableConcept(new Coding(RndsSystems.CONDITION_CLINICAL,
        data.path("status").asText(), null)));
    condition.addCategory(new CodeableConcept(new Coding(RndsSystems.CONDITION_CATEGORY,
        "problem-list-item", "Problem List Item")));
    CodeableConcept code = new CodeableConcept().setText(data.path("description").asText());
    if (data.hasNonNull("cid10")) {
      // BRCID10 writes codes without the dot: J18.9 is J189
      code.addCoding(new Coding().setSystem(RndsSystems.CID10)
          .setCode(data.get("cid10").asText().replace(".", "")));
    }
    condition.setCode(code);
    condition.setSubject(EntryReads.patient(row.patientId()));
    if (data.hasNonNull("onsetDate")) {
      condition.setOnset(new DateTimeType(data.get("onsetDate").asText()));
    }
    condition.setRecordedDate(Date.from(row.recordedAt().toInstant()));
    return condition;
  }
}
