package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.web.Cursor;
import br.prontuario.edge.common.web.Page;
import br.prontuario.edge.node.patient.PatientRepository;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A patient's lab results, newest first: what the labs sent over MLLP or as a FHIR Bundle. */
@RestController
@Validated
class LabResultController {

  private final LabRepository results;
  private final PatientRepository patients;
  private final AuditLog audit;

  LabResultController(LabRepository results, PatientRepository patients, AuditLog audit) {
    this.results = results;
    this.patients = patients;
    this.audit = audit;
  }

  @GetMapping("/api/v1/patients/{patientId}/lab-results")
  Page<LabResult> list(@PathVariable UUID patientId,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
    if (!patients.exists(patientId)) {
      throw ApiProblem.notFound("The patient");
    }
    var rows = results.results(patientId, Cursor.decode(cursor), limit);
    audit.record("lab-result.list", patientId, null, null, null);
    return Page.of(rows, limit, r -> new Cursor(r.recordedAt().toString(), r.id()));
  }
}
