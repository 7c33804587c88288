package br.prontuario.edge.node.clinical;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.events.Outbox;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.web.Cursor;
import br.prontuario.edge.common.web.Page;
import br.prontuario.edge.node.events.ClinicalEvents;
import br.prontuario.edge.node.patient.PatientRepository;
import br.prontuario.edge.node.web.ETags;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Record, list, read and correct versioned clinical entries, auditing each step. */
@Component
class ClinicalEntries {

  private final ClinicalEntryRepository entries;
  private final PatientRepository patients;
  private final AuditLog audit;
  private final ClinicalEvents events;
  private final ObjectMapper json;
  private final Clock clock;

  ClinicalEntries(ClinicalEntryRepository entries, PatientRepository patients, AuditLog audit,
      ClinicalEvents events, ObjectMapper json, Clock clock) {
    this.entries = entries;
    this.patients = patients;
    this.audit = audit;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  ClinicalEntry record(EntryKind kind, UUID patientId, Object data) {
    requirePatient(patientId);
    UUID id = UUID.randomUUID();
    ClinicalEntry entry = new ClinicalEntry(id, patientId, kind.segment(), 1, null, caller(),
        now(), json.valueToTree(data), id);
    entries.insert(entry);
    audit.record(kind.auditName() + ".create", patientId, id.toString(), null, entry);
    events.publish(Outbox.entryType(kind.segment()) + ".created", patientId, id.toString());
    return entry;
  }

  Page<ClinicalEntry> list(EntryKind kind, UUID patientId, String cursor, int limit) {
    requirePatient(patientId);
    List<ClinicalEntry> rows = entries.current(patientId, kind.segment(), Cursor.decode(cursor),
        limit);
    audit.record(kind.auditName() + ".list", patientId, null, null, null);
    return Page.of(rows, limit, e -> new Cursor(e.recordedAt().toString(), e.id()));
  }

  ClinicalEntry read(EntryKind kind, UUID patientId, UUID id) {
    ClinicalEntry entry = find(kind, patientId, id);
    audit.record(kind.auditName() + ".read", patientId, id.toString(), null, null);
    return entry;
  }

  List<ClinicalEntry> history(EntryKind kind, UUID patientId, UUID id) {
    ClinicalEntry entry = find(kind, patientId, id);
    audit.record(kind.auditName() + ".history", patientId, id.toString(), null, null);
    return entries.history(entry.rootId());
  }

  /** A new version replacing {@code id}; 428 without If-Match, 412 when it is stale. */
  ClinicalEntry correct(EntryKind kind, UUID patientId, UUID id, String ifMatch, Object data) {
    String expected = ETags.required(ifMatch);
    ClinicalEntry replaced = find(kind, patientId, id);
    UUID newId = UUID.randomUUID();
    ClinicalEntry correction = new ClinicalEntry(newId, patientId, kind.segment(),
        replaced.version() + 1, replaced.id(), caller(), now(), json.valueToTree(data),
        replaced.rootId());
    if (!expected.equals(id.toString()) || !entries.insert(correction)) {
      throw ApiProblem.preconditionFailed();
    }
    audit.record(kind.auditName() + ".correct", patientId, newId.toString(), replaced,
        correction);
    events.publish(Outbox.entryType(kind.segment()) + ".corrected", patientId,
        newId.toString());
    return correction;
  }

  private ClinicalEntry find(EntryKind kind, UUID patientId, UUID id) {
    return entries.find(patientId, kind.segment(), id)
        .orElseThrow(() -> ApiProblem.notFound("The record"));
  }

  private void requirePatient(UUID patientId) {
    if (!patients.exists(patientId)) {
      throw ApiProblem.notFound("The patient");
    }
  }

  private static String caller() {
    return ClinicalPrincipal.require().username();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
