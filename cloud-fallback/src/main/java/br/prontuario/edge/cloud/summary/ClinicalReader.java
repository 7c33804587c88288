package br.prontuario.edge.cloud.summary;

import br.prontuario.edge.common.web.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads edge-node's clinical schema as replicated: the current version of each record is the one
 * no other row replaces.
 */
@Repository
public class ClinicalReader {

  private static final String ENTRY_COLUMNS =
      "SELECT id, root_id, version, origin, recorded_by, recorded_at, data::text FROM clinical_entries e";
  private static final String NOT_REPLACED =
      " AND NOT EXISTS (SELECT 1 FROM clinical_entries c WHERE c.replaces_id = e.id)";
  private static final String NOTE_COLUMNS =
      "SELECT id, type, text, author, origin, recorded_at FROM notes n WHERE patient_id = ?";
  private static final String CURRENT_NOTE =
      " AND NOT EXISTS (SELECT 1 FROM notes m WHERE m.replaces_id = n.id)";
  private static final String NEWEST_FIRST = " ORDER BY recorded_at DESC, id DESC LIMIT ?";

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  ClinicalReader(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public record PatientCard(UUID id, String name, LocalDate birthDate, String sex) {}

  public Optional<PatientCard> patient(UUID id) {
    return jdbc.query("SELECT id, name, birth_date, sex FROM patients WHERE id = ?",
        (rs, row) -> new PatientCard(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getObject(3, LocalDate.class), rs.getString(4)), id).stream().findFirst();
  }

  /** Current entries of one kind ("allergies", "problems", "alerts"), newest first. */
  public List<ClinicalItem> current(UUID patientId, String kind, int limit) {
    return jdbc.query(ENTRY_COLUMNS + " WHERE patient_id = ? AND kind = ?" + NOT_REPLACED
        + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::item, patientId, kind, limit);
  }

  public Optional<ClinicalItem> entry(UUID patientId, String kind, UUID id) {
    return jdbc.query(ENTRY_COLUMNS + " WHERE patient_id = ? AND kind = ? AND id = ?", this::item,
        patientId, kind, id).stream().findFirst();
  }

  public boolean isReplaced(UUID entryId) {
    return Boolean.TRUE.equals(jdbc.queryForObject(
        "SELECT EXISTS (SELECT 1 FROM clinical_entries WHERE replaces_id = ?)", Boolean.class,
        entryId));
  }

  /** Current notes, newest first; {@code type} null for every type. */
  public List<NoteItem> notes(UUID patientId, String type, int limit) {
    if (type == null) {
      return jdbc.query(NOTE_COLUMNS + CURRENT_NOTE + NEWEST_FIRST, this::note, patientId, limit);
    }
    return jdbc.query(NOTE_COLUMNS + " AND type = ?" + CURRENT_NOTE + NEWEST_FIRST, this::note,
        patientId, type, limit);
  }

  /**
   * Up to {@code rows} current notes of every type after a keyset position ({@code null} = from
   * the newest), newest first: the same order and cursor as edge-node's note list.
   */
  public List<NoteItem> notesAfter(UUID patientId, Cursor after, int rows) {
    if (after == null) {
      return notes(patientId, null, rows);
    }
    return jdbc.query(NOTE_COLUMNS + CURRENT_NOTE
        + " AND (recorded_at, id) < (?::timestamptz, ?)" + NEWEST_FIRST, this::note, patientId,
        after.time(), after.id(), rows);
  }

  private NoteItem note(ResultSet rs, int row) throws SQLException {
    return new NoteItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class));
  }

  private ClinicalItem item(ResultSet rs, int row) throws SQLException {
    return new ClinicalItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
        json.readTree(rs.getString(7)));
  }
}
