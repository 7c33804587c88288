package br.prontuario.edge.node.fhir;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The facade's read model: plain SELECTs over the tables /api/v1 writes (patients,
 * clinical_entries, notes), so the clinical packages stay as they are. Reads only.
 */
@Repository
class FhirRecords {

  /** Patient-scoped searches return at most this many current records, newest first. */
  static final int SEARCH_LIMIT = 200;

  private static final String PATIENT =
      "SELECT id, version, name, birth_date, sex, cpf, cns, updated_at FROM patients";
  private static final String ENTRY = "SELECT id, patient_id, version, replaces_id, recorded_by,"
      + " recorded_at, data::text, (SELECT count(*) FROM clinical_entries c"
      + " WHERE c.replaces_id = e.id) = 0 FROM clinical_entries e";
  private static final String NOTE = "SELECT id, patient_id, version, replaces_id, type, text,"
      + " author, recorded_at, (SELECT count(*) FROM notes c WHERE c.replaces_id = n.id) = 0"
      + " FROM notes n";

  record PatientRow(UUID id, int version, String name, LocalDate birthDate, String sex,
      String cpf, String cns, OffsetDateTime updatedAt) {}

  /** One version of a clinical entry; {@code current} is false once a correction replaced it. */
  record EntryRow(UUID id, UUID patientId, int version, UUID replacesId, String recordedBy,
      OffsetDateTime recordedAt, JsonNode data, boolean current) {}

  record NoteRow(UUID id, UUID patientId, int version, UUID replacesId, String type, String text,
      String author, OffsetDateTime recordedAt, boolean current) {}

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  FhirRecords(JdbcTemplate jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  Optional<PatientRow> patient(UUID id) {
    return jdbc.query(PATIENT + " WHERE id = ?", this::mapPatient, id).stream().findFirst();
  }

  Optional<PatientRow> patientByCpf(String cpf) {
    return jdbc.query(PATIENT + " WHERE cpf = ?", this::mapPatient, cpf).stream().findFirst();
  }

  Optional<PatientRow> patientByCns(String cns) {
    return jdbc.query(PATIENT + " WHERE cns = ?", this::mapPatient, cns).stream().findFirst();
  }

  /** Any version of an entry of {@code kind} (the /api/v1 URL segment), by its id. */
  Optional<EntryRow> entry(String kind, UUID id) {
    return jdbc.query(ENTRY + " WHERE kind = ? AND id = ?", this::mapEntry, kind, id).stream()
        .findFirst();
  }

  List<EntryRow> currentEntries(String kind, UUID patientId) {
    return jdbc.query(ENTRY + " WHERE patient_id = ? AND kind = ? AND NOT EXISTS"
        + " (SELECT 1 FROM clinical_entries c WHERE c.replaces_id = e.id)"
        + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::mapEntry, patientId, kind,
        SEARCH_LIMIT);
  }

  Optional<NoteRow> note(UUID id) {
    return jdbc.query(NOTE + " WHERE id = ?", this::mapNote, id).stream().findFirst();
  }

  List<NoteRow> currentNotes(UUID patientId) {
    return jdbc.query(NOTE + " WHERE patient_id = ? AND NOT EXISTS"
        + " (SELECT 1 FROM notes c WHERE c.replaces_id = n.id)"
        + " ORDER BY recorded_at DESC, id DESC LIMIT ?", this::mapNote, patientId, SEARCH_LIMIT);
  }

  private PatientRow mapPatient(ResultSet rs, int row) throws SQLException {
    return new PatientRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getObject(8, OffsetDateTime.class));
  }

  private EntryRow mapEntry(ResultSet rs, int row) throws SQLException {
    return new EntryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
        rs.getObject(4, UUID.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
        json.readTree(rs.getString(7)), rs.getBoolean(8));
  }

  private NoteRow mapNote(ResultSet rs, int row) throws SQLException {
    return new NoteRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getObject(8, OffsetDateTime.class), rs.getBoolean(9));
  }
}
