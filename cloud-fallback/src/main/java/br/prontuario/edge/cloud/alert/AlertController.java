package br.prontuario.edge.cloud.alert;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.cloud.summary.ClinicalItem;
import br.prontuario.edge.cloud.summary.ClinicalReader;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.idempotency.IdempotencyFilter;
import br.prontuario.edge.common.problem.ApiProblem;
import br.prontuario.edge.common.security.ClinicalPrincipal;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Critical alerts: read, raise, acknowledge. */
@RestController
class AlertController {

  private final ClinicalReader reader;
  private final CloudAlerts alerts;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Clock clock;

  AlertController(ClinicalReader reader, CloudAlerts alerts, AuditLog audit, ObjectMapper json,
      Clock clock) {
    this.reader = reader;
    this.alerts = alerts;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  record AlertList(String mode, List<ClinicalItem> alerts) {}

  record AlertResponse(String mode, ClinicalItem alert) {}

  @GetMapping("/api/v1/patients/{patientId}/alerts")
  AlertList list(@PathVariable UUID patientId) {
    requirePatient(patientId);
    List<ClinicalItem> open = reader.current(patientId, CloudAlerts.KIND, 100).stream()
        .filter(a -> !"resolved".equals(a.text("status"))).toList();
    audit.record("emergency.alert.list", patientId, null, null, null);
    return new AlertList(ServiceMode.EMERGENCY, open);
  }

  @PostMapping("/api/v1/patients/{patientId}/alerts")
  @Transactional
  ResponseEntity<AlertResponse> create(@PathVariable UUID patientId,
      @Valid @RequestBody AlertRequest request,
      @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
    requirePatient(patientId);
    ObjectNode data = json.createObjectNode().put("kind", request.kind())
        .put("message", request.message()).put("status", "active");
    ClinicalItem alert = alerts.create(patientId, data, caller(), now(), idempotencyKey);
    audit.record("emergency.alert.create", patientId, alert.id().toString(), null, alert);
    return ResponseEntity.created(alertUri(patientId, alert))
        .body(new AlertResponse(ServiceMode.EMERGENCY, alert));
  }

  @PostMapping("/api/v1/patients/{patientId}/alerts/{alertId}/acknowledgement")
  @Transactional
  ResponseEntity<AlertResponse> acknowledge(@PathVariable UUID patientId,
      @PathVariable UUID alertId,
      @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey) {
    ClinicalItem alert = reader.entry(patientId, CloudAlerts.KIND, alertId)
        .orElseThrow(() -> ApiProblem.notFound("The alert"));
    if (!"active".equals(alert.text("status")) || reader.isReplaced(alertId)) {
      throw ApiProblem.conflict("The alert is no longer active in this version; read it again.");
    }
    ObjectNode data = ((ObjectNode) alert.data().deepCopy()).put("status", "acknowledged");
    ClinicalItem ack = alerts.acknowledge(patientId, alert, data, caller(), now(),
        idempotencyKey);
    if (ack == null) {
      throw ApiProblem.conflict("Someone acknowledged or corrected the alert first.");
    }
    audit.record("emergency.alert.acknowledge", patientId, ack.id().toString(), alert, ack);
    return ResponseEntity.created(alertUri(patientId, ack))
        .body(new AlertResponse(ServiceMode.EMERGENCY, ack));
  }

  /** Where the record lives on the edge (the edge's alert URL): names the created version. */
  private static URI alertUri(UUID patientId, ClinicalItem alert) {
    return URI.create("/api/v1/patients/" + patientId + "/alerts/" + alert.id());
  }

  private void requirePatient(UUID patientId) {
    if (reader.patient(patientId).isEmpty()) {
      throw ApiProblem.notFound("The patient");
    }
  }

  private static String caller() {
    return ClinicalPrincipal.require().username();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }
}
