package br.prontuario.edge.node.note;

import br.prontuario.edge.common.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class NoteRepository {

  private static final String COLUMNS = "id, patient_id, version, replaces_id, type, text, author,"
      + " author_role, recorded_at, root_id";
  /** Current versions only: not replaced by a later correction. */
  private static final String CURRENT =
      " AND NOT EXISTS (SELECT 1 FROM notes c WHERE c.replaces_id = n.id)";

  private final JdbcTemplate jdbc;

  NoteRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Note note) {
    jdbc.update("INSERT INTO notes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        note.id(), note.patientId(), note.version(), note.replacesId(), note.type().json(),
        note.text(), note.author(), note.authorRole(), note.recordedAt(), note.rootId());
  }

  /** Inserts the correction unless another one already replaced that version. */
  boolean insertCorrection(Note note) {
    return jdbc.update("INSERT INTO notes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (replaces_id) DO NOTHING", note.id(), note.patientId(), note.version(),
        note.replacesId(), note.type().json(), note.text(), note.author(), note.authorRole(),
        note.recordedAt(), note.rootId()) == 1;
  }

  /** By its id, or by the cloud id failback folded into it (V109 record_aliases). */
  Optional<Note> find(UUID patientId, UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notes n WHERE patient_id = ? AND id = COALESCE("
        + "(SELECT record_id FROM record_aliases WHERE alias_id = ? AND kind = 'note'), ?)",
        this::map, patientId, id, id).stream().findFirst();
  }

  boolean isCurrent(UUID id) {
    return jdbc.queryForList("SELECT 1 FROM notes n WHERE id = ?" + CURRENT, id).size() == 1;
  }

  List<Note> current(UUID patientId, Cursor after, int limit) {
    if (after == null) {
      return jdbc.query("SELECT " + COLUMNS + " FROM notes n WHERE patient_id = ?" + CURRENT
          + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::map, patientId, limit + 1);
    }
    return jdbc.query("SELECT " + COLUMNS + " FROM notes n WHERE patient_id = ?" + CURRENT
        + " AND (recorded_at, id) < (?::timestamptz, ?) ORDER BY recorded_at DESC, id DESC"
        + " LIMIT ?", this::map, patientId, after.time(), after.id(), limit + 1);
  }

  List<Note> history(UUID rootId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM notes n WHERE root_id = ? ORDER BY version",
        this::map, rootId);
  }

  private Note map(ResultSet rs, int row) throws SQLException {
    return new Note(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
        rs.getObject(4, UUID.class), NoteType.fromJson(rs.getString(5)), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
        rs.getObject(10, UUID.class));
  }
}
