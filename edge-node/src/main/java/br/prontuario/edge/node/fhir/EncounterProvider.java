package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;

/** Encounter (encounters): read by id, search by patient. */
class EncounterProvider implements IResourceProvider {

  private final EntryReads reads;

  EncounterProvider(EntryReads reads) {
    this.reads = reads;
  }

  @Override
  public Class<Encounter> getResourceType() {
    return Encounter.class;
  }

  @Read
  public Encounter read(@IdParam IdType id) {
    return reads.read("Encounter", "encounters", id, EncounterMapper::toFhir);
  }

  @Search
  public List<Encounter> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
    return reads.search("Encounter", "encounters", patient, EncounterMapper::toFhir);
  }
}
