package br.prontuario.edge.node.fhir;

import br.prontuario.edge.node.fhir.FhirRecords.EntryRow;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.sql.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Read by id and search by patient over one kind of clinical entry, audited: the shared
 * mechanism under the Condition, AllergyIntolerance, Observation and Encounter providers.
 */
@Component
class EntryReads {

  private final FhirRecords records;
  private final FhirAccess access;

  EntryReads(FhirRecords records, FhirAccess access) {
    this.records = records;
    this.access = access;
  }

  /** Any version by its id (a replaced one too: its meta.versionId says which). */
  <R extends Resource> R read(String fhirType, String kind, IdType id,
      Function<EntryRow, R> mapper) {
    EntryRow row = records.entry(kind, FhirAccess.idOf(id))
        .orElseThrow(() -> new ResourceNotFoundException(id));
    access.audit(fhirType, "read", row.patientId(), row.id());
    return withMeta(mapper.apply(row), row);
  }

  /** The patient's current entries, newest first; an unknown patient has none. */
  <R extends Resource> List<R> search(String fhirType, String kind, ReferenceParam patient,
      Function<EntryRow, R> mapper) {
    UUID patientId = FhirAccess.patientOf(patient.getValue());
    List<EntryRow> rows = records.currentEntries(kind, patientId);
    access.audit(fhirType, "search", patientId, null);
    return rows.stream().map(row -> withMeta(mapper.apply(row), row)).toList();
  }

  static Reference patient(UUID patientId) {
    return new Reference("Patient/" + patientId);
  }

  private static <R extends Resource> R withMeta(R resource, EntryRow row) {
    resource.setId(row.id().toString());
    resource.getMeta().setVersionId(Integer.toString(row.version()))
        .setLastUpdated(Date.from(row.recordedAt().toInstant()));
    return resource;
  }
}
