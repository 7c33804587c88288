package br.prontuario.edge.node.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

class LabBundleTest {

  private static final LabProperties.Sender LIS = new LabProperties.Sender("LIS", "HOSP", "0".repeat(64));

  @Test
  void aBundleBecomesTheMessageTheOruPathWrites() {
    Bundle bundle = bundle("MSG-1");
    bundle.addEntry().setFullUrl("urn:uuid:p").setResource(new Patient().addIdentifier(
        new Identifier().setSystem(LabBundle.CNS).setValue("700000000000005")));
    report(bundle).setSubject(new Reference("urn:uuid:p"));
    Observation range = observation("2951-2").setValue(new Quantity().setValue(new BigDecimal("138"))
        .setCode("mmol/L"));
    range.addReferenceRange().setLow(new Quantity().setValue(135)).setHigh(new Quantity().setValue(145));
    bundle.addEntry().setResource(range);
    bundle.addEntry().setResource(observation("5778-6").setValue(new StringType("amarela"))
        .setStatus(Observation.ObservationStatus.CORRECTED));

    OruMessage message = LabBundle.read(bundle, LIS, "token");

    assertThat(message.application()).isEqualTo("LIS");
    assertThat(message.controlId()).isEqualTo("MSG-1");
    assertThat(message.cns()).isEqualTo("700000000000005");
    assertThat(message.cpf()).isNull();
    assertThat(message.results()).hasSize(2);
    OruMessage.Result sodium = message.results().get(0);
    assertThat(sodium.setId()).isEqualTo(1);
    assertThat(sodium.codeSystem()).isEqualTo("LN");
    assertThat(sodium.numericValue()).isEqualByComparingTo("138");
    assertThat(sodium.unit()).isEqualTo("mmol/L");
    assertThat(sodium.referenceRange()).isEqualTo("135-145");
    assertThat(sodium.status()).isEqualTo("F");
    OruMessage.Result color = message.results().get(1);
    assertThat(color.value()).isEqualTo("amarela");
    assertThat(color.numericValue()).isNull();
    assertThat(color.status()).isEqualTo("C");
  }

  @Test
  void whatCannotBeStoredFaithfullyIsRefusedSayingWhat() {
    Bundle batch = bundle("MSG-2").setType(Bundle.BundleType.BATCH);
    assertThatThrownBy(() -> LabBundle.read(batch, LIS, "t")).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("transaction");

    Bundle noPatient = bundle("MSG-3");
    report(noPatient).setSubject(new Reference("Patient/unknown"));
    assertThatThrownBy(() -> LabBundle.read(noPatient, LIS, "t")).hasMessageContaining("CPF or CNS");

    Bundle noValue = bundle("MSG-4");
    noValue.addEntry().setResource(observation("2951-2"));
    assertThatThrownBy(() -> LabBundle.read(noValue, LIS, "t")).hasMessageContaining("Observation 1 has no value");

    Bundle twoReports = bundle("MSG-5");
    twoReports.addEntry().setResource(new DiagnosticReport());
    assertThatThrownBy(() -> LabBundle.read(twoReports, LIS, "t")).hasMessageContaining("exactly one DiagnosticReport");
  }

  private static Bundle bundle(String id) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION)
        .setIdentifier(new Identifier().setValue(id));
    bundle.addEntry().setResource(new DiagnosticReport().setSubject(new Reference().setIdentifier(
        new Identifier().setSystem(LabBundle.CPF).setValue("12345678909"))));
    return bundle;
  }

  private static DiagnosticReport report(Bundle bundle) {
    return (DiagnosticReport) bundle.getEntryFirstRep().getResource();
  }

  private static Observation observation(String loinc) {
    return new Observation().setStatus(Observation.ObservationStatus.FINAL)
        .setCode(new CodeableConcept(new Coding("http://loinc.org", loinc, null)));
  }
}
