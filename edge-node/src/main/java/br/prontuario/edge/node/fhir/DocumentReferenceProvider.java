package br.prontuario.edge.node.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;

/** DocumentReference (clinical notes): read any version by id, search current ones by patient. */
class DocumentReferenceProvider implements IResourceProvider {

  private final FhirRecords records;
  private final FhirAccess access;

  DocumentReferenceProvider(FhirRecords records, FhirAccess access) {
    this.records = records;
    this.access = access;
  }

  @Override
  public Class<DocumentReference> getResourceType() {
    return DocumentReference.class;
  }

  @Read
  public DocumentReference read(@IdParam IdType id) {
    FhirRecords.NoteRow note = records.note(FhirAccess.idOf(id))
        .orElseThrow(() -> new ResourceNotFoundException(id));
    access.audit("DocumentReference", "read", note.patientId(), note.id());
    return NoteMapper.toFhir(note);
  }

  @Search
  public List<DocumentReference> byPatient(
      @RequiredParam(name = "patient") ReferenceParam patient) {
    UUID patientId = FhirAccess.patientOf(patient.getValue());
    List<FhirRecords.NoteRow> notes = records.currentNotes(patientId);
    access.audit("DocumentReference", "search", patientId, null);
    return notes.stream().map(NoteMapper::toFhir).toList();
  }
}
