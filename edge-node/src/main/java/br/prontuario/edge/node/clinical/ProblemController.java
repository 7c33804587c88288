package br.prontuario.edge.node.clinical;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The problem list (diagnoses, CID-10). */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/problems")
@Validated
class ProblemController extends ClinicalEntryEndpoints<Requests.ProblemRequest> {
  ProblemController(ClinicalEntries entries) {
    super(EntryKind.PROBLEM, entries);
  }
}
