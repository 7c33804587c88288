package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.PatientRow;
import java.sql.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** A patient's current demographics as an RNDS BRIndividuo-1.0 Patient. */
final class BrIndividuoMapper {

  private BrIndividuoMapper() {}

  /** {@code withCpf} false leaves the CPF out (LGPD: the caller's role may not see it). */
  static Patient toFhir(PatientRow row, String nationality, boolean withCpf) {
    Patient patient = new Patient();
    patient.setId(row.id().toString());
    patient.getMeta().addProfile(RndsSystems.BR_INDIVIDUO)
        .setVersionId(Integer.toString(row.version()))
        .setLastUpdated(Date.from(row.updatedAt().toInstant()));
    patient.addExtension(RndsSystems.BR_PAIS_EXTENSION,
        new CodeableConcept(new Coding().setSystem(RndsSystems.BR_PAIS).setCode(nationality)));
    if (withCpf && row.cpf() != null) {
      patient.addIdentifier(document("TAX", row.cpf(), "RFB"));
    }
    if (row.cns() != null) {
      patient.addIdentifier(document("HC", row.cns(), "MS"));
    }
    patient.setActive(true);
    patient.addName().setUse(HumanName.NameUse.OFFICIAL).setText(row.name());
    patient.setGender(gender(row.sex()));
    patient.setBirthDate(java.sql.Date.valueOf(row.birthDate()));
    return patient;
  }

  /** BRDocumentoIndividuo: typed, no system, the issuing body as assigner display. */
  private static Identifier document(String type, String value, String issuer) {
    return new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL)
        .setType(new CodeableConcept(new Coding().setSystem(RndsSystems.DOCUMENT_TYPE)
            .setCode(type)))
        .setValue(value.trim())
        .setAssigner(new Reference().setDisplay(issuer));
  }

  /** BRSexo has male, female and unknown only: intersex is stated as unknown. */
  private static AdministrativeGender gender(String sex) {
    return switch (sex) {
      case "female" -> AdministrativeGender.FEMALE;
      case "male" -> AdministrativeGender.MALE;
      default -> AdministrativeGender.UNKNOWN;
    };
  }
}
