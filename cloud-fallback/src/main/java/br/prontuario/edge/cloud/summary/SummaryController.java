package br.prontuario.edge.cloud.summary;

import br.prontuario.edge.common.audit.AuditLog;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SummaryController {

  private final EmergencySummaries summaries;
  private final AuditLog audit;

  SummaryController(EmergencySummaries summaries, AuditLog audit) {
    this.summaries = summaries;
    this.audit = audit;
  }

  @GetMapping("/api/v1/patients/{patientId}/summary")
  EmergencySummary summary(@PathVariable UUID patientId) {
    EmergencySummary summary = summaries.of(patientId);
    audit.record("emergency.summary.read", patientId, null, null, null);
    return summary;
  }
}
