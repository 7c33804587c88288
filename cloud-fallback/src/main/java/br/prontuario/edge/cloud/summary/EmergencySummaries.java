package br.prontuario.edge.cloud.summary;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.common.problem.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Assembles the emergency summary; callers audit the read. */
@Component
public class EmergencySummaries {

  private static final int LIMIT = 50;
  private static final int LAST_NOTES = 5;
  private static final int PRESCRIPTIONS = 3;

  private final ClinicalReader reader;

  EmergencySummaries(ClinicalReader reader) {
    this.reader = reader;
  }

  public EmergencySummary of(UUID patientId) {
    ClinicalReader.PatientCard patient = reader.patient(patientId)
        .orElseThrow(() -> ApiProblem.notFound("The patient"));
    return new EmergencySummary(ServiceMode.EMERGENCY, patient,
        withStatus(reader.current(patientId, "allergies", LIMIT), "active"),
        withStatus(reader.current(patientId, "problems", LIMIT), "active"),
        reader.notes(patientId, "prescricao", PRESCRIPTIONS),
        openAlerts(reader.current(patientId, "alerts", LIMIT)),
        reader.notes(patientId, null, LAST_NOTES));
  }

  private static List<ClinicalItem> withStatus(List<ClinicalItem> items, String status) {
    return items.stream().filter(i -> status.equals(i.text("status"))).toList();
  }

  private static List<ClinicalItem> openAlerts(List<ClinicalItem> alerts) {
    return alerts.stream().filter(a -> !"resolved".equals(a.text("status"))).toList();
  }
}
