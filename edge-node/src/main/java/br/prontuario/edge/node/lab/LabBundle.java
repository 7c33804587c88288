package br.prontuario.edge.node.lab;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;

/**
 * A lab's FHIR transaction (one DiagnosticReport, its Observations, optionally the Patient) read
 * into the same message the ORU^R01 path writes: the bundle's identifier is the control id, the
 * patient is found by CPF or CNS, each Observation is one result in bundle order. Anything the
 * intake could not store faithfully is refused with a 400 that says what.
 */
final class LabBundle {

  static final String CPF = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cpf";
  static final String CNS = "http://rnds.saude.gov.br/fhir/r4/NamingSystem/cns";
  private static final String LOINC = "http://loinc.org";

  private LabBundle() {}

  static OruMessage read(Bundle bundle, LabProperties.Sender sender, String token) {
    if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
      throw new InvalidRequestException("a Bundle of type transaction is expected");
    }
    String controlId = bundle.getIdentifier().getValue();
    if (controlId == null || controlId.isBlank()) {
      throw new InvalidRequestException("Bundle.identifier.value (the message id the lab retries with) is required");
    }
    List<DiagnosticReport> reports = resources(bundle, DiagnosticReport.class);
    if (reports.size() != 1) {
      throw new InvalidRequestException("exactly one DiagnosticReport is expected, found " + reports.size());
    }
    List<Identifier> subject = subjectIdentifiers(bundle, reports.get(0));
    String cpf = value(subject, CPF);
    String cns = value(subject, CNS);
    if (cpf == null && cns == null) {
      throw new InvalidRequestException("the DiagnosticReport's subject must carry the patient's CPF or CNS"
          + " identifier (" + CPF + " or " + CNS + ")");
    }
    List<Observation> observations = resources(bundle, Observation.class);
    List<OruMessage.Result> results = new ArrayList<>();
    for (int i = 0; i < observations.size(); i++) {
      results.add(result(i + 1, observations.get(i)));
    }
    return new OruMessage(sender.application(), sender.facility(), token, controlId, cpf, cns, results);
  }

  private static OruMessage.Result result(int setId, Observation o) {
    Coding code = o.getCode().getCodingFirstRep();
    if (!code.hasCode()) {
      throw new InvalidRequestException("Observation " + setId + " has no code");
    }
    String value;
    BigDecimal numeric = null;
    String unit = null;
    if (o.hasValueQuantity()) {
      Quantity q = o.getValueQuantity();
      if (!q.hasValue()) {
        throw new InvalidRequestException("Observation " + setId + " has a quantity without a value");
      }
      numeric = q.getValue();
      value = numeric.toPlainString();
      unit = q.hasCode() ? q.getCode() : q.getUnit();
    } else if (o.hasValueStringType()) {
      value = o.getValueStringType().getValue();
    } else if (o.hasValueCodeableConcept()) {
      value = o.getValueCodeableConcept().hasText() ? o.getValueCodeableConcept().getText()
          : o.getValueCodeableConcept().getCodingFirstRep().getCode();
    } else {
      throw new InvalidRequestException("Observation " + setId
          + " has no value (valueQuantity, valueString or valueCodeableConcept)");
    }
    if (value == null || value.isBlank()) {
      throw new InvalidRequestException("Observation " + setId + " has an empty value");
    }
    String range = null;
    if (o.hasReferenceRange()) {
      Observation.ObservationReferenceRangeComponent r = o.getReferenceRangeFirstRep();
      range = r.hasText() ? r.getText() : r.getLow().hasValue() && r.getHigh().hasValue()
          ? r.getLow().getValue().toPlainString() + "-" + r.getHigh().getValue().toPlainString() : null;
    }
    String flag = o.hasInterpretation() ? o.getInterpretationFirstRep().getCodingFirstRep().getCode() : null;
    OffsetDateTime observed = o.hasEffectiveDateTimeType() && o.getEffectiveDateTimeType().getValue() != null
        ? o.getEffectiveDateTimeType().getValue().toInstant().atOffset(ZoneOffset.UTC) : null;
    return new OruMessage.Result(setId, code.getCode(),
        LOINC.equals(code.getSystem()) ? "LN" : code.getSystem(),
        code.hasDisplay() ? code.getDisplay() : o.getCode().getText(), value, numeric, unit, range,
        flag, status(o.getStatus()), observed);
  }

  /** FHIR's status as OBX-11: F final, C corrected, P preliminary, X cancelled. */
  private static String status(Observation.ObservationStatus status) {
    if (status == null) {
      return "F";
    }
    return switch (status) {
      case CORRECTED, AMENDED -> "C";
      case PRELIMINARY, REGISTERED -> "P";
      case CANCELLED, ENTEREDINERROR -> "X";
      default -> "F";
    };
  }

  /** The subject's identifiers: on the reference itself, or on the Patient entry it points at. */
  private static List<Identifier> subjectIdentifiers(Bundle bundle, DiagnosticReport report) {
    if (report.getSubject().hasIdentifier()) {
      return List.of(report.getSubject().getIdentifier());
    }
    String reference = report.getSubject().getReference();
    Optional<Patient> patient = bundle.getEntry().stream()
        .filter(e -> e.getResource() instanceof Patient && reference != null
            && (reference.equals(e.getFullUrl())
                || reference.equals("Patient/" + e.getResource().getIdElement().getIdPart())))
        .map(e -> (Patient) e.getResource()).findFirst();
    return patient.map(Patient::getIdentifier).orElse(List.of());
  }

  private static String value(List<Identifier> identifiers, String system) {
    return identifiers.stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
        .map(Identifier::getValue).findFirst().orElse(null);
  }

  private static <R extends Resource> List<R> resources(Bundle bundle, Class<R> type) {
    return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance).map(type::cast).toList();
  }
}
