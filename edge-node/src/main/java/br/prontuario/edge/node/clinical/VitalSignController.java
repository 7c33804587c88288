package br.prontuario.edge.node.clinical;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/patients/{patientId}/vital-signs")
@Validated
class VitalSignController extends ClinicalEntryEndpoints<Requests.VitalSignRequest> {
  VitalSignController(ClinicalEntries entries) {
    super(EntryKind.VITAL_SIGN, entries);
  }
}
