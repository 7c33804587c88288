package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.LabResultReads.ReportRow;
import br.prontuario.edge.node.fhir.LabResultReads.ResultRow;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A lab result as an Observation (category laboratory) and a lab message as the
 * DiagnosticReport that groups its results. HL7 v2's codes become FHIR's: coding system LN is
 * LOINC, OBX-11 the status, OBX-8 the interpretation (v3 ObservationInterpretation has the same
 * H/L/HH/LL/A/AA/N codes).
 */
final class LabResultMapper {

  /** LOINC 11502-2: the laboratory report as a whole. */
  static final String LAB_REPORT = "11502-2";
  private static final Set<String> INTERPRETATIONS = Set.of("H", "L", "HH", "LL", "A", "AA", "N");

  private LabResultMapper() {}

  static Observation toObservation(ResultRow row) {
    Observation o = new Observation();
    o.setId(row.id().toString());
    o.getMeta().setLastUpdated(Date.from(row.recordedAt().toInstant()));
    o.setStatus(status(row.status()));
    o.addCategory(new CodeableConcept(new Coding(RndsSystems.OBSERVATION_CATEGORY, "laboratory",
        "Laboratory")));
    CodeableConcept code = new CodeableConcept().setText(row.name() != null ? row.name() : row.code());
    String system = system(row.codeSystem());
    if (system != null) {
      code.addCoding(new Coding(system, row.code(), row.name()));
    }
    o.setCode(code);
    o.setSubject(EntryReads.patient(row.patientId()));
    if (row.observedAt() != null) {
      o.setEffective(new DateTimeType(Date.from(row.observedAt().toInstant())));
    }
    o.setIssued(Date.from(row.recordedAt().toInstant()));
    if (row.numericValue() != null) {
      Quantity quantity = new Quantity().setValue(row.numericValue());
      if (row.unit() != null) {
        quantity.setUnit(row.unit()).setSystem(RndsSystems.UCUM).setCode(row.unit());
      }
      o.setValue(quantity);
    } else {
      o.setValue(new StringType(row.value()));
    }
    if (row.referenceRange() != null) {
      o.addReferenceRange().setText(row.referenceRange());
    }
    if (row.abnormalFlag() != null && INTERPRETATIONS.contains(row.abnormalFlag())) {
      o.addInterpretation(new CodeableConcept(new Coding(RndsSystems.INTERPRETATION,
          row.abnormalFlag(), null)));
    }
    return o;
  }

  static DiagnosticReport toReport(ReportRow row) {
    DiagnosticReport report = new DiagnosticReport();
    report.setId(row.id().toString());
    report.getMeta().setLastUpdated(Date.from(row.receivedAt().toInstant()));
    report.setStatus(row.resultStatuses().contains("C")
        ? DiagnosticReport.DiagnosticReportStatus.CORRECTED
        : row.resultStatuses().stream().allMatch("F"::equals)
            ? DiagnosticReport.DiagnosticReportStatus.FINAL
            : DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
    report.addCategory(new CodeableConcept(new Coding(RndsSystems.DIAGNOSTIC_SERVICE, "LAB",
        "Laboratory")));
    report.setCode(new CodeableConcept(new Coding(RndsSystems.LOINC, LAB_REPORT,
        "Laboratory report")).setText("Resultado laboratorial"));
    report.setSubject(EntryReads.patient(row.patientId()));
    report.setIssued(Date.from(row.receivedAt().toInstant()));
    // the sending laboratory system, by name: it is no resource here
    report.addPerformer(new Reference().setDisplay(row.sender()));
    row.resultIds().forEach(id -> report.addResult(new Reference("Observation/" + id)));
    return report;
  }

  /** OBX-11: F final, C corrected, P preliminary, X cancelled, R entered not verified. */
  private static Observation.ObservationStatus status(String v2) {
    return switch (v2 == null ? "" : v2) {
      case "C" -> Observation.ObservationStatus.CORRECTED;
      case "P", "R" -> Observation.ObservationStatus.PRELIMINARY;
      case "X" -> Observation.ObservationStatus.CANCELLED;
      default -> Observation.ObservationStatus.FINAL;
    };
  }

  /** HL7 v2 table 0396's LN is LOINC; a URI stays itself; any other local system is left as text. */
  static String system(String v2) {
    if (v2 == null) {
      return null;
    }
    if (v2.equals("LN")) {
      return RndsSystems.LOINC;
    }
    return v2.contains(":") ? v2 : null;
  }
}
