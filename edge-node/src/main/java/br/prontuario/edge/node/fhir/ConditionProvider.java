package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;

/** Condition (the problem list): read by id, search by patient. */
class ConditionProvider implements IResourceProvider {

  private final EntryReads reads;

  ConditionProvider(EntryReads reads) {
    this.reads = reads;
  }

  @Override
  public Class<Condition> getResourceType() {
    return Condition.class;
  }

  @Read
  public Condition read(@IdParam IdType id) {
    return reads.read("Condition", "problems", id, ConditionMapper::toFhir);
  }

  @Search
  public List<Condition> byPatient(@RequiredParam(name = "patient") ReferenceParam patient) {
    return reads.search("Condition", "problems", patient, ConditionMapper::toFhir);
  }
}
