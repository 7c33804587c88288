package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.IdType;

/** AllergyIntolerance (allergies): read by id, search by patient. */
class AllergyIntoleranceProvider implements IResourceProvider {

  private final EntryReads reads;

  AllergyIntoleranceProvider(EntryReads reads) {
    this.reads = reads;
  }

  @Override
  public Class<AllergyIntolerance> getResourceType() {
    return AllergyIntolerance.class;
  }

  @Read
  public AllergyIntolerance read(@IdParam IdType id) {
    return reads.read("AllergyIntolerance", "allergies", id, AllergyMapper::toFhir);
  }

  @Search
  public List<AllergyIntolerance> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
    return reads.search("AllergyIntolerance", "allergies", patient, AllergyMapper::toFhir);
  }
}
