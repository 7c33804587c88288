package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.patient.Cns;
import br.prontuario.edge.node.patient.Cpf;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;

/**
 * {@code Patient/<id>} and {@code Patient?identifier=<system>|<value>} as BRIndividuo. There is
 * no open-ended patient search: an integrator finds a patient by CPF or CNS only.
 */
class PatientProvider implements IResourceProvider {

  private final FhirRecords records;
  private final FhirAccess access;
  private final FhirProperties properties;

  PatientProvider(FhirRecords records, FhirAccess access, FhirProperties properties) {
    this.records = records;
    this.access = access;
    this.properties = properties;
  }

  @Override
  public Class<Patient> getResourceType() {
    return Patient.class;
  }

  @Read
  public Patient read(@IdParam IdType id) {
    FhirRecords.PatientRow row = records.patient(FhirAccess.idOf(id))
        .orElseThrow(() -> new ResourceNotFoundException(id));
    access.audit("Patient", "read", row.id(), row.id());
    return BrIndividuoMapper.toFhir(row, properties.nationality(), access.cpfVisible(false));
  }

  /** System optional: 11 digits are a CPF, 15 a CNS; check digits are verified either way. */
  @Search
  public List<Patient> byIdentifier(
      @RequiredParam(name = Patient.SP_IDENTIFIER) TokenParam identifier) {
    String system = identifier.getSystem();
    String value = identifier.getValue() == null ? "" : identifier.getValue();
    Optional<FhirRecords.PatientRow> found;
    if (RndsSystems.CPF.equals(system) || (system == null && value.length() == 11)) {
      require(Cpf.isValid(value), "a CPF with valid check digits");
      found = records.patientByCpf(value);
    } else if (RndsSystems.CNS.equals(system) || (system == null && value.length() == 15)) {
      require(Cns.isValid(value), "a CNS with a valid checksum");
      found = records.patientByCns(value);
    } else {
      throw new InvalidRequestException("identifier must be " + RndsSystems.CPF + "|<cpf> or "
          + RndsSystems.CNS + "|<cns>.");
    }
    access.audit("Patient", "search", found.map(FhirRecords.PatientRow::id).orElse(null), null);
    boolean withCpf = access.cpfVisible(true);
    return found.map(p -> BrIndividuoMapper.toFhir(p, properties.nationality(), withCpf))
        .stream().toList();
  }

  private static void require(boolean valid, String what) {
    if (!valid) {
      throw new InvalidRequestException("identifier value must be " + what + ".");
    }
  }
}
