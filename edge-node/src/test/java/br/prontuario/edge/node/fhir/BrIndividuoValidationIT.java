package br.prontuario.edge.node.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.fhir.FhirRecords.PatientRow;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * The BRIndividuo mapping against the RNDS profile, without a server. An IT only so that it
 * shares the failsafe JVM's one {@link RndsValidator} with {@code RndsProfileValidationIT}: loading
 * the profiles costs about 30 s per JVM.
 */
class BrIndividuoValidationIT {

  private static final PatientRow ROW = new PatientRow(UUID.randomUUID(), 2, "Ana Maria Souza",
      LocalDate.of(1980, 5, 17), "intersex", "52998224725", "700000000000005",
      OffsetDateTime.parse("2026-11-30T12:00:00Z"));

  @Test
  void aPatientWithCpfAndCnsIsValidBrIndividuo() {
    assertThat(RndsValidator.get().errors(BrIndividuoMapper.toFhir(ROW, "10", true))).isEmpty();
  }

  @Test
  void anIssuerOutsideBrOrgaoExpedidorIsStillAnError() {
    Patient patient = BrIndividuoMapper.toFhir(ROW, "10", true);
    patient.getIdentifierFirstRep().getAssigner().setDisplay("NOT-AN-ISSUER");
    assertThat(RndsValidator.get().errors(patient))
        .anySatisfy(e -> assertThat(e).contains("NOT-AN-ISSUER"));
  }

  @Test
  void aDocumentTypeOutsideTheRndsListIsStillAnError() {
    Patient patient = BrIndividuoMapper.toFhir(ROW, "10", true);
    patient.getIdentifierFirstRep().getType().getCodingFirstRep().setCode("XX");
    assertThat(RndsValidator.get().errors(patient)).isNotEmpty();
  }

  @Test
  void aPatientWithoutNationalityIsNotBrIndividuo() {
    Patient patient = BrIndividuoMapper.toFhir(ROW, "10", true);
    patient.getExtension().clear();
    assertThat(RndsValidator.get().errors(patient))
        .anySatisfy(e -> assertThat(e).contains("BRPais"));
  }
}
