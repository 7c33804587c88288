package br.prontuario.edge.cloud.note;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.cloud.summary.ClinicalReader;
import br.prontuario.edge.cloud.summary.NoteItem;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.web.Cursor;
import br.prontuario.edge.common.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's whole note history, page by page, beyond the summary's last notes: the current
 * version of every note, edge and cloud alike, with edge-node's order and cursor.
 */
@RestController
class EmergencyNoteListController {

  private final ClinicalReader reader;
  private final AuditLog audit;

  EmergencyNoteListController(ClinicalReader reader, AuditLog audit) {
    this.reader = reader;
    this.audit = audit;
  }

  record NotePage(String mode, List<NoteItem> items, String nextCursor) {}

  @GetMapping("/api/v1/patients/{patientId}/notes")
  NotePage list(@PathVariable UUID patientId, @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    if (reader.patient(patientId).isEmpty()) {
      throw ApiProblem.notFound("The patient");
    }
    List<NoteItem> rows = reader.notesAfter(patientId, Cursor.decode(cursor), limit + 1);
    audit.record("emergency.note.list", patientId, null, null, null);
    Page<NoteItem> page = Page.of(rows, limit, n -> new Cursor(n.recordedAt().toString(), n.id()));
    return new NotePage(ServiceMode.EMERGENCY, page.items(), page.nextCursor());
  }
}
