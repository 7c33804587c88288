package br.prontuario.edge.cloud.note;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.cloud.summary.ClinicalReader;
import br.prontuario.edge.cloud.summary.NoteItem;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.idempotency.IdempotencyFilter;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emergency notes are append-only: a new note with a fresh UUID and origin = cloud, never a
 * correction of an edge note, so failback can merge it without any conflict. The note keeps the
 * request's Idempotency-Key (the filter guarantees one): failback folds it into the edge's note
 * when the client's retry already created one there.
 */
@RestController
class EmergencyNoteController {

  private final JdbcTemplate jdbc;
  private final ClinicalReader reader;
  private final AuditLog audit;
  private final Clock clock;

  EmergencyNoteController(JdbcTemplate jdbc, ClinicalReader reader, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.reader = reader;
    this.audit = audit;
    this.clock = clock;
  }

  record NoteResponse(String mode, NoteItem note) {}

  @PostMapping("/api/v1/patients/{patientId}/notes")
  @Transactional
  ResponseEntity<NoteResponse> append(@PathVariable UUID patientId,
      @Valid @RequestBody EmergencyNoteRequest request,
      @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
    ClinicalPrincipal caller = ClinicalPrincipal.require();
    if ("prescricao".equals(request.type()) && !caller.has(Role.PHYSICIAN)) {
      throw ApiProblem.forbidden("Only physicians write prescriptions.");
    }
    if (reader.patient(patientId).isEmpty()) {
      throw ApiProblem.notFound("The patient");
    }
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    jdbc.update("INSERT INTO notes (id, root_id, version, replaces_id, patient_id, type, text,"
        + " author, author_role, recorded_at, origin, idempotency_key) VALUES (?, ?, 1, NULL, ?, ?,"
        + " ?, ?, ?, ?, 'cloud', ?)", id, id, patientId, request.type(), request.text(),
        caller.username(), caller.auditRole(), now, idempotencyKey);
    NoteItem note = new NoteItem(id, request.type(), request.text(), caller.username(), "cloud",
        now);
    audit.record("emergency.note.create", patientId, id.toString(), null, note);
    return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/notes/" + id))
        .body(new NoteResponse(ServiceMode.EMERGENCY, note));
  }
}
