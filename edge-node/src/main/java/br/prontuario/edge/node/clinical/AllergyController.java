package br.prontuario.edge.node.clinical;

import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Allergies; a severe one also raises a critical alert in the same transaction. */
@RestController
@RequestMapping("/api/v1/patients/{patientId}/allergies")
@Validated
class AllergyController extends ClinicalEntryEndpoints<Requests.AllergyRequest> {

  AllergyController(ClinicalEntries entries) {
    super(EntryKind.ALLERGY, entries);
  }

  @Override
  void afterRecord(UUID patientId, Requests.AllergyRequest body) {
    if (body.severity() == Requests.Severity.SEVERE
        && body.status() == Requests.AllergyStatus.ACTIVE) {
      entries.record(EntryKind.ALERT, patientId, new Requests.AlertRequest(
          Requests.AlertKind.SEVERE_ALLERGY, "Alergia grave: " + body.substance(),
          Requests.AlertStatus.ACTIVE));
    }
  }
}
