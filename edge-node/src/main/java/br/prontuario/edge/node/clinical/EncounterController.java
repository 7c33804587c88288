package br.prontuario.edge.node.clinical;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/encounters")
@Validated
class EncounterController extends ClinicalEntryEndpoints<Requests.EncounterRequest> {
  EncounterController(ClinicalEntries entries) {
    super(EntryKind.ENCOUNTER, entries);
  }
}
