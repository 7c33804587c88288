package br.prontuario.edge.cloud.patient;

import br.prontuario.edge.cloud.summary.ClinicalReader;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/patients/{id}}: the patient's header (name, birth date, sex) from the
 * replicated data, read-only. The app asks for it first when it opens a chart; a phone that was in
 * normal mode when the cloud took over gets the header here instead of "not available".
 */
@RestController
class PatientHeaderController {

  private final ClinicalReader reader;
  private final AuditLog audit;

  PatientHeaderController(ClinicalReader reader, AuditLog audit) {
    this.reader = reader;
    this.audit = audit;
  }

  @GetMapping("/api/v1/patients/{patientId}")
  ClinicalReader.PatientCard patient(@PathVariable UUID patientId) {
    ClinicalReader.PatientCard patient = reader.patient(patientId)
        .orElseThrow(() -> ApiProblem.notFound("The patient"));
    audit.record("emergency.patient.read", patientId, null, null, null);
    return patient;
  }
}
