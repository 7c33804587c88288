package br.prontuario.edge.cloud.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Edge-written records (origin = edge), inserted as edge-node would, for the cloud to read. */
public final class ClinicalFixtures {

  private final JdbcTemplate jdbc;

  public ClinicalFixtures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public UUID patient(String name, String cpf) {
    UUID id = UUID.randomUUID();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    jdbc.update("INSERT INTO patients (id, version, name, name_key, birth_date, sex, cpf, created_at,"
        + " created_by, updated_at, updated_by) VALUES (?, 1, ?, ?, DATE '1970-03-02', 'female', ?,"
        + " ?, 'edge-user', ?, 'edge-user')", id, name, name.toLowerCase().replace("é", "e"), cpf,
        now, now);
    return id;
  }

  public UUID entry(UUID patientId, String kind, String json) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO clinical_entries (id, root_id, version, patient_id, kind, data,"
        + " recorded_by, recorded_at) VALUES (?, ?, 1, ?, ?, ?::jsonb, 'edge-user', now())", id, id,
        patientId, kind, json);
    return id;
  }

  /** An edge-side correction of an entry (what the edge may do during a split brain). */
  public UUID correct(UUID patientId, UUID replaced, String kind, String json) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO clinical_entries (id, root_id, version, replaces_id, patient_id, kind,"
        + " data, recorded_by, recorded_at) SELECT ?, root_id, version + 1, id, patient_id, kind,"
        + " ?::jsonb, 'edge-user', now() FROM clinical_entries WHERE id = ?", id, json, replaced);
    return id;
  }

  public UUID note(UUID patientId, String type, String text) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO notes (id, root_id, version, patient_id, type, text, author,"
        + " author_role, recorded_at) VALUES (?, ?, 1, ?, ?, ?, 'edge-user', 'physician', now())",
        id, id, patientId, type, text);
    return id;
  }

  public UUID note(UUID patientId, String type, String text, OffsetDateTime recordedAt) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO notes (id, root_id, version, patient_id, type, text, author,"
        + " author_role, recorded_at) VALUES (?, ?, 1, ?, ?, ?, 'edge-user', 'physician', ?)",
        id, id, patientId, type, text, recordedAt);
    return id;
  }

  /** An edge-side correction of a note: a new version that replaces it. */
  public UUID correctNote(UUID replaced, String text) {
    UUID id = UUID.randomUUID();
    jdbc.update("INSERT INTO notes (id, root_id, version, replaces_id, patient_id, type, text,"
        + " author, author_role, recorded_at) SELECT ?, root_id, version + 1, id, patient_id, type,"
        + " ?, 'edge-user', 'physician', now() FROM notes WHERE id = ?", id, text, replaced);
    return id;
  }
}
