package br.prontuario.edge.cloud.alert;

import br.prontuario.edge.cloud.summary.ClinicalItem;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes alerts as edge-node does (versioned rows in clinical_entries) but only ever appends:
 * fresh UUIDs, origin = cloud. An acknowledgement is a new version; the edge row is untouched.
 * Each row keeps the Idempotency-Key of the request that wrote it (see docs/failback.md).
 */
@Repository
class CloudAlerts {

  static final String KIND = "alerts";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  CloudAlerts(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  ClinicalItem create(UUID patientId, JsonNode data, String author, OffsetDateTime at,
      String idempotencyKey) {
    UUID id = UUID.randomUUID();
    insert(id, id, 1, null, patientId, data, author, at, idempotencyKey);
    return new ClinicalItem(id, id, 1, "cloud", author, at, data);
  }

  /** The acknowledging version, or null when another version already replaced the alert. */
  ClinicalItem acknowledge(UUID patientId, ClinicalItem alert, JsonNode data, String author,
      OffsetDateTime at, String idempotencyKey) {
    UUID id = UUID.randomUUID();
    boolean inserted = insert(id, alert.rootId(), alert.version() + 1, alert.id(), patientId, data,
        author, at, idempotencyKey);
    return inserted
        ? new ClinicalItem(id, alert.rootId(), alert.version() + 1, "cloud", author, at, data)
        : null;
  }

  private boolean insert(UUID id, UUID rootId, int version, UUID replacesId, UUID patientId,
      JsonNode data, String author, OffsetDateTime at, String idempotencyKey) {
    return jdbc.update("INSERT INTO clinical_entries (id, root_id, version, replaces_id, patient_id,"
        + " kind, data, recorded_by, recorded_at, origin, idempotency_key)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 'cloud', ?)"
        + " ON CONFLICT (replaces_id) DO NOTHING", id, rootId, version, replacesId, patientId, KIND,
        json.writeValueAsString(data), author, at, idempotencyKey) == 1;
  }
}
