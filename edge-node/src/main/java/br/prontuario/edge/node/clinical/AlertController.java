package br.prontuario.edge.node.clinical;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Critical alerts; acknowledging one is a correction with status "acknowledged". */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/alerts")
@Validated
class AlertController extends ClinicalEntryEndpoints<Requests.AlertRequest> {
  AlertController(ClinicalEntries entries) {
    super(EntryKind.ALERT, entries);
  }
}
