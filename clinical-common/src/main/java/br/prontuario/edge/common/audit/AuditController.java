package br.prontuario.edge.common.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors read the trail and check that the chain is intact. */
@RestController
@RequestMapping("/api/v1/audit")
@Validated
class AuditController {

  private final AuditLog audit;
  private final JdbcTemplate jdbc;

  AuditController(AuditLog audit, JdbcTemplate jdbc) {
    this.audit = audit;
    this.jdbc = jdbc;
  }

  record AuditRow(long seq, OffsetDateTime occurredAt, String actor, String role, String action,
      UUID patientId, String resourceId, String correlationId, String hash) {}

  @GetMapping("/verify")
  Map<String, Object> verify() {
    AuditChainVerifier.Result result = audit.verify();
    if (result instanceof AuditChainVerifier.Broken bad) {
      return Map.of("intact", false, "firstBadRow", bad.seq(), "problem", bad.problem(),
          "rowsChecked", bad.rowsChecked());
    }
    return Map.of("intact", true, "rows", ((AuditChainVerifier.Intact) result).rows());
  }

  @GetMapping("/events")
  List<AuditRow> events(@RequestParam(required = false) UUID patientId,
      @RequestParam(defaultValue = "0") @Min(0) long afterSeq,
      @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
    String sql = "SELECT seq, occurred_at, actor, role, action, patient_id, resource_id,"
        + " correlation_id, hash FROM audit_log WHERE seq > ?"
        + (patientId != null ? " AND patient_id = ?" : "") + " ORDER BY seq LIMIT ?";
    Object[] args = patientId != null
        ? new Object[] {afterSeq, patientId, limit}
        : new Object[] {afterSeq, limit};
    return jdbc.query(sql, (rs, i) -> new AuditRow(rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9)), args);
  }
}
