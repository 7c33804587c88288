package br.prontuario.edge.node.note;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.node.events.ClinicalEvents;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.common.web.Cursor;
import br.prontuario.edge.common.web.Page;
import br.prontuario.edge.node.patient.PatientRepository;
import br.prontuario.edge.node.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Clinical notes: append-only; PUT on a note writes a correction that replaces that version. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/notes")
@Validated
class NoteController {

  private final NoteRepository notes;
  private final PatientRepository patients;
  private final AuditLog audit;
  private final ClinicalEvents events;
  private final Clock clock;

  NoteController(NoteRepository notes, PatientRepository patients, AuditLog audit,
      ClinicalEvents events, Clock clock) {
    this.notes = notes;
    this.patients = patients;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<Note> write(@PathVariable UUID patientId, @Valid @RequestBody NoteRequest body) {
    requirePatient(patientId);
    ClinicalPrincipal author = authorFor(body.type());
    UUID id = UUID.randomUUID();
    Note note = new Note(id, patientId, 1, null, body.type(), body.text(), author.username(),
        author.auditRole(), now(), id);
    notes.insert(note);
    audit.record("note.create", patientId, id.toString(), null, note);
    events.publish("note.created", patientId, id.toString());
    return ResponseEntity.created(URI.create("/api/v1/patients/" + patientId + "/notes/" + id))
        .eTag(ETags.of(id)).body(note);
  }

  @GetMapping
  Page<Note> list(@PathVariable UUID patientId, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    requirePatient(patientId);
    List<Note> rows = notes.current(patientId, Cursor.decode(cursor), limit);
    audit.record("note.list", patientId, null, null, null);
    return Page.of(rows, limit, n -> new Cursor(n.recordedAt().toString(), n.id()));
  }

  @GetMapping("/{noteId}")
  ResponseEntity<Note> read(@PathVariable UUID patientId, @PathVariable UUID noteId) {
    Note note = notes.find(patientId, noteId).orElseThrow(() -> ApiProblem.notFound("The note"));
    audit.record("note.read", patientId, noteId.toString(), null, null);
    return ResponseEntity.ok().eTag(ETags.of(note.id())).body(note);
  }

  @GetMapping("/{noteId}/history")
  List<Note> history(@PathVariable UUID patientId, @PathVariable UUID noteId) {
    Note note = notes.find(patientId, noteId).orElseThrow(() -> ApiProblem.notFound("The note"));
    audit.record("note.history", patientId, noteId.toString(), null, null);
    return notes.history(note.rootId());
  }

  @PutMapping("/{noteId}")
  ResponseEntity<Note> correct(@PathVariable UUID patientId, @PathVariable UUID noteId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody NoteRequest body) {
    String expected = ETags.required(ifMatch);
    Note replaced = notes.find(patientId, noteId)
        .orElseThrow(() -> ApiProblem.notFound("The note"));
    ClinicalPrincipal author = authorFor(body.type());
    UUID id = UUID.randomUUID();
    Note correction = new Note(id, patientId, replaced.version() + 1, replaced.id(), body.type(),
        body.text(), author.username(), author.auditRole(), now(), replaced.rootId());
    if (!expected.equals(noteId.toString()) || !notes.insertCorrection(correction)) {
      throw ApiProblem.preconditionFailed();
    }
    audit.record("note.correct", patientId, id.toString(), replaced, correction);
    events.publish("note.corrected", patientId, id.toString());
    return ResponseEntity.ok().eTag(ETags.of(id)).body(correction);
  }

  /** Prescriptions are for physicians; nurses write every other kind of note. */
  private static ClinicalPrincipal authorFor(NoteType type) {
    ClinicalPrincipal caller = ClinicalPrincipal.require();
    if (type == NoteType.PRESCRICAO && !caller.has(Role.PHYSICIAN)) {
      throw ApiProblem.forbidden("Only physicians write prescriptions.");
    }
    return caller;
  }

  private void requirePatient(UUID patientId) {
    if (!patients.exists(patientId)) {
      throw ApiProblem.notFound("The patient");
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
