package br.prontuario.edge.node.clinical;

import br.prontuario.edge.common.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

@Repository
class ClinicalEntryRepository {

  private static final String COLUMNS = "id, patient_id, kind, version, replaces_id, recorded_by,"
      + " recorded_at, data::text, root_id";
  private static final String INSERT = "INSERT INTO clinical_entries (id, patient_id, kind,"
      + " version, replaces_id, recorded_by, recorded_at, data, root_id)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)";
  private static final String CURRENT =
      " AND NOT EXISTS (SELECT 1 FROM clinical_entries c WHERE c.replaces_id = e.id)";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ClinicalEntryRepository(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** False only for a correction whose target another correction already replaced. */
  boolean insert(ClinicalEntry e) {
    String sql = e.replacesId() == null ? INSERT : INSERT + " ON CONFLICT (replaces_id) DO NOTHING";
    return jdbc.update(sql, e.id(), e.patientId(), e.kind(), e.version(), e.replacesId(),
        e.recordedBy(), e.recordedAt(), json.writeValueAsString(e.data()), e.rootId()) == 1;
  }

  /** By its id, or by the cloud id failback folded into it (V109 record_aliases). */
  Optional<ClinicalEntry> find(UUID patientId, String kind, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM clinical_entries e"
        + " WHERE patient_id = ? AND kind = ? AND id = COALESCE((SELECT record_id"
        + " FROM record_aliases WHERE alias_id = ? AND kind = 'entry'), ?)", this::map, patientId,
        kind, id, id).stream().findFirst();
  }

  List<ClinicalEntry> current(UUID patientId, String kind, Cursor after, int limit) {
    if (after == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM clinical_entries e WHERE patient_id = ?"
          + " AND kind = ?" + CURRENT + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::map,
          patientId, kind, limit + 1);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM clinical_entries e WHERE patient_id = ?"
        + " AND kind = ?" + CURRENT + " AND (recorded_at, id) < (?::timestamptz, ?)"
        + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::map, patientId, kind, after.time(),
        after.id(), limit + 1);
  }

  List<ClinicalEntry> history(UUID rootId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM clinical_entries e WHERE root_id = ?"
        + " ORDER BY version", this::map, rootId);
  }

  private ClinicalEntry map(ResultSet rs, int row) throws SQLException {
    return new ClinicalEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
        rs.getString(3), rs.getInt(4), rs.getObject(5, UUID.class), rs.getString(6),
        rs.getObject(7, OffsetDateTime.class), json.readTree(rs.getString(8)),
        rs.getObject(9, UUID.class));
  }
}
