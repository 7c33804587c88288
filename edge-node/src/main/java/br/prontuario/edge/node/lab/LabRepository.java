package br.prontuario.edge.node.lab;

import br.prontuario.edge.common.web.Cursor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class LabRepository {

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  LabRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<UUID> patientByCpf(String cpf) {
    return jdbc.queryForList("SELECT id FROM patients WHERE cpf = ?", UUID.class, cpf).stream()
        .findFirst();
  }

  Optional<UUID> patientByCns(String cns) {
    return jdbc.queryForList("SELECT id FROM patients WHERE cns = ?", UUID.class, cns).stream()
        .findFirst();
  }

  /**
   * Claims the idempotency key; false when the message was already committed. A concurrent
   * duplicate waits on the key's row lock and then finds it taken.
   */
  boolean claim(String sender, String controlId, UUID patientId, int results,
      OffsetDateTime now) {
    return jdbc.update("INSERT INTO lab_messages (sender, control_id, patient_id, result_count,"
        + " received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", sender, controlId,
        patientId, results, now) == 1;
  }

  /**
   * Makes the duplicate's AA wait for the synchronous standby like the original's: the original's
   * wait may have been cancelled, leaving it visible but held by the primary alone. Rewriting the
   * message's row gives this transaction WAL to wait for; see
   * {@code IdempotencyStore.awaitReplicated}.
   */
  void awaitReplicated(String sender, String controlId) {
    jdbc.update("UPDATE lab_messages SET received_at = received_at WHERE sender = ?"
        + " AND control_id = ?", sender, controlId);
  }

  void insert(UUID id, UUID patientId, String sender, String controlId, OruMessage.Result r,
      OffsetDateTime now) {
    jdbc.update("INSERT INTO lab_results (id, patient_id, sender, control_id, set_id, code,"
        + " code_system, name, value, numeric_value, unit, reference_range, abnormal_flag,"
        + " result_status, observed_at, recorded_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, patientId, sender,
        controlId, r.setId(), r.code(), r.codeSystem(), r.name(), r.value(), r.numericValue(),
        r.unit(), r.referenceRange(), r.abnormalFlag(), r.status(), r.observedAt(), now);
  }

  /**
   * A critical alert in the alerts feature's own table and shape (kind critical-lab-value,
   * status active), so the clinicians' app and /api/v1 show it like any other alert.
   */
  UUID raiseCriticalAlert(UUID patientId, String message, String by, OffsetDateTime now) {
    UUID id = UUID.randomUUID();
    String data = json.writeValueAsString(java.util.Map.of("kind", "critical-lab-value",
        "message", message, "status", "active"));
    jdbc.update("INSERT INTO clinical_entries (id, patient_id, kind, version, replaces_id,"
        + " recorded_by, recorded_at, data, root_id) VALUES (?, ?, 'alerts', 1, NULL, ?, ?,"
        + " ?::jsonb, ?)", id, patientId, by, now, data, id);
    return id;
  }

  /** The message's id (its DiagnosticReport) and patient, once committed. */
  Optional<MessageIds> messageIds(String sender, String controlId) {
    return jdbc.query("SELECT id, patient_id FROM lab_messages WHERE sender = ? AND control_id = ?",
        (r, n) -> new MessageIds(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
            resultIds(sender, controlId)), sender, controlId).stream().findFirst();
  }

  private Map<Integer, UUID> resultIds(String sender, String controlId) {
    Map<Integer, UUID> ids = new TreeMap<>();
    jdbc.query("SELECT set_id, id FROM lab_results WHERE sender = ? AND control_id = ?",
        (RowCallbackHandler) r -> ids.put(r.getInt(1),
            r.getObject(2, UUID.class)), sender, controlId);
    return ids;
  }

  /** @param results each result's id by its set id (OBX-1, or its place in a FHIR bundle) */
  record MessageIds(UUID report, UUID patient, Map<Integer, UUID> results) {}

  private static final String RESULT = "SELECT id, patient_id, code, code_system, name, value,"
      + " numeric_value, unit, reference_range, abnormal_flag, result_status, observed_at,"
      + " recorded_at, sender, control_id FROM lab_results WHERE patient_id = ?";

  /** One page of the patient's results, newest first, plus one to tell whether more follow. */
  List<LabResult> results(UUID patientId, Cursor after, int limit) {
    RowMapper<LabResult> row = (r, n) -> {
      String flag = r.getString(10);
      return new LabResult(r.getObject(1, UUID.class), r.getObject(2, UUID.class),
          r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getBigDecimal(7),
          r.getString(8), r.getString(9), flag, OruMessage.criticalFlag(flag), r.getString(11),
          r.getObject(12, OffsetDateTime.class), r.getObject(13, OffsetDateTime.class),
          r.getString(14), r.getString(15));
    };
    if (after == null) {
      return jdbc.query(RESULT + " ORDER BY recorded_at DESC, id DESC LIMIT ?", row, patientId,
          limit + 1);
    }
    return jdbc.query(RESULT + " AND (recorded_at, id) < (?::timestamptz, ?)"
        + " ORDER BY recorded_at DESC, id DESC LIMIT ?", row, patientId, after.time(), after.id(),
        limit + 1);
  }
}
