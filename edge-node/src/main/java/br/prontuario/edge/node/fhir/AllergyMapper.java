package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.EntryRow;
import java.sql.Date;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import tools.jackson.databind.JsonNode;

/**
 * An allergy ({@code substance, severity, reaction, status}) as an AllergyIntolerance. Our
 * "refuted" is FHIR's verification status refuted, whose clinical status is inactive (ait-1
 * requires one); a severe allergy is high criticality.
 */
final class AllergyMapper {

  private AllergyMapper() {}

  static AllergyIntolerance toFhir(EntryRow row) {
    JsonNode data = row.data();
    String status = data.path("status").asText();
    AllergyIntolerance allergy = new AllergyIntolerance();
    allergy.setClinicalStatus(new CodeableConcept(new Coding(RndsSystems.ALLERGY_CLINICAL,
        "active".equals(status) ? "active" : "inactive", null)));
    if ("refuted".equals(status)) {
      allergy.setVerificationStatus(new CodeableConcept(
          new Coding(RndsSystems.ALLERGY_VERIFICATION, "refuted", "Refuted")));
    }
    String severity = data.path("severity").asText();
    allergy.setCriticality("severe".equals(severity)
        ? AllergyIntoleranceCriticality.HIGH : AllergyIntoleranceCriticality.LOW);
    allergy.setCode(new CodeableConcept().setText(data.path("substance").asText()));
    allergy.setPatient(EntryReads.patient(row.patientId()));
    allergy.setRecordedDate(Date.from(row.recordedAt().toInstant()));
    if (data.hasNonNull("reaction") && !data.get("reaction").asText().isBlank()) {
      allergy.addReaction()
          .addManifestation(new CodeableConcept().setText(data.get("reaction").asText()))
          .setSeverity(AllergyIntoleranceSeverity.fromCode(severity));
    }
    return allergy;
  }
}
