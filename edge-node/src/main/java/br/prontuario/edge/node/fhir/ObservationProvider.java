package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;

/** Observation (vital signs): read by id, search by patient and optionally by category. */
class ObservationProvider implements IResourceProvider {

  private final EntryReads reads;

  ObservationProvider(EntryReads reads) {
    this.reads = reads;
  }

  @Override
  public Class<Observation> getResourceType() {
    return Observation.class;
  }

  @Read
  public Observation read(@IdParam IdType id) {
    return reads.read("Observation", "vital-signs", id, VitalSignMapper::toFhir);
  }

  @Search
  public List<Observation> byPatient(@RequiredParam(name = "patient") ReferenceParam patient,
      @OptionalParam(name = Observation.SP_CATEGORY) TokenParam category) {
    List<Observation> all = reads.search("Observation", "vital-signs", patient,
        VitalSignMapper::toFhir);
    if (category == null) {
      return all;
    }
    return all.stream().filter(o -> o.getCategoryFirstRep().getCodingFirstRep().getCode()
        .equals(category.getValue())).toList();
  }
}
