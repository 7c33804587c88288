package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.EntryRow;
import java.sql.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import tools.jackson.databind.JsonNode;

/**
 * A vital sign ({@code type, value, measuredAt}) as an Observation with its LOINC code and UCUM
 * unit. Capillary glucose is filed as laboratory and the pain score as survey: they are not in
 * FHIR's vital-signs set.
 */
final class VitalSignMapper {

  record Loinc(String code, String display, String unit, String ucum, String category) {}

  static final Map<String, Loinc> CODES = Map.of(
      "heart-rate", new Loinc("8867-4", "Heart rate", "beats/minute", "/min", "vital-signs"),
      "respiratory-rate",
      new Loinc("9279-1", "Respiratory rate", "breaths/minute", "/min", "vital-signs"),
      "systolic-pressure",
      new Loinc("8480-6", "Systolic blood pressure", "mmHg", "mm[Hg]", "vital-signs"),
      "diastolic-pressure",
      new Loinc("8462-4", "Diastolic blood pressure", "mmHg", "mm[Hg]", "vital-signs"),
      "temperature", new Loinc("8310-5", "Body temperature", "Cel", "Cel", "vital-signs"),
      "oxygen-saturation", new Loinc("2708-6", "Oxygen saturation in Arterial blood", "%", "%",
          "vital-signs"),
      "glucose", new Loinc("2339-0", "Glucose [Mass/volume] in Blood", "mg/dL", "mg/dL",
          "laboratory"),
      "pain-score", new Loinc("72514-3",
          "Pain severity - 0-10 verbal numeric rating [Score] - Reported", "{score}", "{score}",
          "survey"));

  private VitalSignMapper() {}

  static Observation toFhir(EntryRow row) {
    JsonNode data = row.data();
    Loinc loinc = CODES.get(data.path("type").asText());
    if (loinc == null) {
      throw new IllegalStateException("a vital sign of a type the facade does not map");
    }
    Observation observation = new Observation();
    observation.setStatus(Observation.ObservationStatus.FINAL);
    observation.addCategory(new CodeableConcept(new Coding(RndsSystems.OBSERVATION_CATEGORY,
        loinc.category(), null)));
    observation.setCode(new CodeableConcept(new Coding(RndsSystems.LOINC, loinc.code(),
        loinc.display())).setText(loinc.display()));
    observation.setSubject(EntryReads.patient(row.patientId()));
    observation.setEffective(new DateTimeType(data.path("measuredAt").asText()));
    observation.setIssued(Date.from(row.recordedAt().toInstant()));
    observation.setValue(new Quantity().setValue(data.path("value").decimalValue())
        .setUnit(loinc.unit()).setSystem(RndsSystems.UCUM).setCode(loinc.ucum()));
    return observation;
  }
}
