package br.prontuario.edge.node.fhir;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Lab results (ORU^R01 over MLLP, or a FHIR transaction) as the facade reads them: each result an
 * Observation, each message a DiagnosticReport. Reads only; the lab package writes.
 */
@Repository
class LabResultReads {

  private static final String RESULT = "SELECT id, patient_id, sender, control_id, set_id, code,"
      + " code_system, name, value, numeric_value, unit, reference_range, abnormal_flag,"
      + " result_status, observed_at, recorded_at FROM lab_results";
  private static final String REPORT = "SELECT m.id, m.patient_id, m.sender, m.control_id,"
      + " m.received_at, array(SELECT r.id FROM lab_results r WHERE r.sender = m.sender"
      + " AND r.control_id = m.control_id ORDER BY r.set_id), array(SELECT r.result_status"
      + " FROM lab_results r WHERE r.sender = m.sender AND r.control_id = m.control_id)"
      + " FROM lab_messages m";

  record ResultRow(UUID id, UUID patientId, String sender, String controlId, int setId,
      String code, String codeSystem, String name, String value, BigDecimal numericValue,
      String unit, String referenceRange, String abnormalFlag, String status,
      OffsetDateTime observedAt, OffsetDateTime recordedAt) {}

  /** One message: its results in OBX order, and their statuses (a corrected one makes it corrected). */
  record ReportRow(UUID id, UUID patientId, String sender, String controlId,
      OffsetDateTime receivedAt, List<UUID> resultIds, List<String> resultStatuses) {}

  private final JdbcTemplate jdbc;

  LabResultReads(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ResultRow> result(UUID id) {
    return jdbc.query(RESULT + " WHERE id = ?", LabResultReads::result, id).stream().findFirst();
  }

  /** The patient's results, newest first, at most {@link FhirRecords#SEARCH_LIMIT}. */
  List<ResultRow> results(UUID patientId) {
    return jdbc.query(RESULT + " WHERE patient_id = ? ORDER BY recorded_at DESC, id DESC LIMIT "
        + FhirRecords.SEARCH_LIMIT, LabResultReads::result, patientId);
  }

  Optional<ReportRow> report(UUID id) {
    return jdbc.query(REPORT + " WHERE m.id = ?", LabResultReads::report, id).stream().findFirst();
  }

  List<ReportRow> reports(UUID patientId) {
    return jdbc.query(REPORT + " WHERE m.patient_id = ? ORDER BY m.received_at DESC, m.id DESC"
        + " LIMIT " + FhirRecords.SEARCH_LIMIT, LabResultReads::report, patientId);
  }

  private static ResultRow result(ResultSet r, int row) throws SQLException {
    return new ResultRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
        r.getString(4), r.getInt(5), r.getString(6), r.getString(7), r.getString(8),
        r.getString(9), r.getBigDecimal(10), r.getString(11), r.getString(12), r.getString(13),
        r.getString(14), r.getObject(15, OffsetDateTime.class), r.getObject(16, OffsetDateTime.class));
  }

  private static ReportRow report(ResultSet r, int row) throws SQLException {
    return new ReportRow(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
        r.getString(4), r.getObject(5, OffsetDateTime.class),
        List.of((UUID[]) r.getArray(6).getArray()), List.of((String[]) r.getArray(7).getArray()));
  }
}
