package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/**
 * Observation: vital signs (clinical entries) and lab results (ORU^R01 or FHIR transactions).
 * Read by id, search by patient and optionally by category.
 */
class ObservationProvider implements IResourceProvider {

  private final EntryReads reads;
  private final LabResultReads lab;
  private final FhirAccess access;

  ObservationProvider(EntryReads reads, LabResultReads lab, FhirAccess access) {
    this.reads = reads;
    this.lab = lab;
    this.access = access;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    UUID uuid = FhirAccess.idOf(id);
    var result = lab.result(uuid);
    if (result.isPresent()) {
      access.audit("Observation", "read", result.get().patientId(), uuid);
      return LabResultMapper.toObservation(result.get());
    }
    return reads.read("Observation", "vital-signs", id, VitalSignMapper::toFhir);
  }

  @Search
  public List<Observation> byPatient(@RequiredParam(name = "patient") ReferenceParam patient,
      @OptionalParam(name = Observation.SP_CATEGORY) TokenParam category) {
    List<Observation> all = new ArrayList<>(reads.search("Observation", "vital-signs", patient,
        VitalSignMapper::toFhir));
    lab.results(FhirAccess.patientOf(patient.getValue())).stream()
        .map(LabResultMapper::toObservation).forEach(all::add);
    if (category == null) {
      return all;
    }
    return all.stream().filter(o -> o.getCategoryFirstRep().getCodingFirstRep().getCode()
        .equals(category.getValue())).toList();
  }
}
