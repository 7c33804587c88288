package br.prontuario.edge.node.patient;

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

@Repository
public class PatientRepository {

  private static final String COLUMNS =
      "id, version, name, birth_date, sex, cpf, cns, created_at, updated_at";

  private final JdbcTemplate jdbc;

  PatientRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean exists(UUID id) {
    return !jdbc.queryForList("SELECT 1 FROM patients WHERE id = ?", id).isEmpty();
  }

  Optional<Patient> find(UUID id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM patients WHERE id = ?", this::map, id)
        .stream().findFirst();
  }

  /** False when the CPF or CNS already belongs to a patient. */
  boolean insert(UUID id, PatientRequest p, String by, OffsetDateTime now) {
    int rows = jdbc.update("INSERT INTO patients (id, version, name, name_key, birth_date, sex,"
        + " cpf, cns, created_at, created_by, updated_at, updated_by)"
        + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", id, p.name(),
        NameKey.of(p.name()), p.birthDate(), p.sex().json(), p.cpf(), p.cns(), now, by, now, by);
    if (rows == 1) {
      insertVersion(id, 1, p, by, now);
    }
    return rows == 1;
  }

  /** False when {@code expectedVersion} is no longer current (someone else won). */
  boolean update(UUID id, int expectedVersion, PatientRequest p, String by, OffsetDateTime now) {
    int rows = jdbc.update("UPDATE patients SET version = version + 1, name = ?, name_key = ?,"
        + " birth_date = ?, sex = ?, cpf = ?, cns = ?, updated_at = ?, updated_by = ?"
        + " WHERE id = ? AND version = ?", p.name(), NameKey.of(p.name()), p.birthDate(),
        p.sex().json(), p.cpf(), p.cns(), now, by, id, expectedVersion);
    if (rows == 1) {
      insertVersion(id, expectedVersion + 1, p, by, now);
    }
    return rows == 1;
  }

  List<Patient> history(UUID id) {
    return jdbc.query("SELECT patient_id, version, name, birth_date, sex, cpf, cns, recorded_at,"
        + " recorded_at FROM patient_versions WHERE patient_id = ? ORDER BY version", this::map, id);
  }

  /**
   * Name keys in [from, to), in "C" collation so that the range, the order and the index
   * (V106's patients_name_key_c) agree: the plan is an index range scan that stops at the limit.
   */
  static final String BY_NAME_PREFIX = "SELECT " + COLUMNS + " FROM patients"
      + " WHERE name_key COLLATE \"C\" >= ? AND name_key COLLATE \"C\" < ?"
      + " ORDER BY name_key COLLATE \"C\", id LIMIT ?";
  static final String BY_NAME_PREFIX_AFTER = "SELECT " + COLUMNS + " FROM patients"
      + " WHERE name_key COLLATE \"C\" >= ? AND name_key COLLATE \"C\" < ?"
      + " AND (name_key COLLATE \"C\", id) > (?, ?)"
      + " ORDER BY name_key COLLATE \"C\", id LIMIT ?";

  List<Patient> byNamePrefix(String prefix, Cursor after, int limit) {
    NameKey.Range range = NameKey.prefixRange(prefix);
    if (after == null) {
      return jdbc.query(BY_NAME_PREFIX, this::map, range.from(), range.to(), limit + 1);
    }
    return jdbc.query(BY_NAME_PREFIX_AFTER, this::map, range.from(), range.to(), after.key(),
        after.id(), limit + 1);
  }

  List<Patient> byIdentifier(String column, String value) {
    return jdbc.query("SELECT " + COLUMNS + " FROM patients WHERE " + column + " = ?", this::map,
        value);
  }

  private void insertVersion(UUID id, int version, PatientRequest p, String by,
      OffsetDateTime now) {
    jdbc.update("INSERT INTO patient_versions (patient_id, version, name, birth_date, sex, cpf,"
        + " cns, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version,
        p.name(), p.birthDate(), p.sex().json(), p.cpf(), p.cns(), now, by);
  }

  private Patient map(ResultSet rs, int row) throws SQLException {
    return new Patient(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
        rs.getObject(4, LocalDate.class), Sex.valueOf(rs.getString(5).toUpperCase()),
        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
        rs.getObject(9, OffsetDateTime.class));
  }
}
