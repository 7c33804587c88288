package br.prontuario.edge.cloud.patient;

import br.prontuario.edge.cloud.mode.ServiceMode;
import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.common.problem.ApiProblem;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Emergency patient lookup by CPF (11 digits) or by the start of the name. */
@RestController
class PatientSearchController {

  private static final int LIMIT = 20;
  private static final String COLUMNS = "SELECT id, name, birth_date, sex FROM patients";

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  PatientSearchController(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  record SearchResponse(String mode, List<PatientHit> patients) {}

  @GetMapping("/api/v1/patients")
  SearchResponse search(@RequestParam String q) {
    String query = q.strip();
    if (query.length() < 2 || query.length() > 100) {
      throw ApiProblem.badRequest("q must have 2 to 100 characters: a CPF or the start of a name.");
    }
    List<PatientHit> hits = query.matches("\\d{11}")
        ? jdbc.query(COLUMNS + " WHERE cpf = ?", PatientSearchController::hit, query)
        // "C" collation: served by edge's V106 index, range scan in order, no sort of all matches
        : jdbc.query(COLUMNS + " WHERE name_key COLLATE \"C\" LIKE ?"
            + " ORDER BY name_key COLLATE \"C\", id LIMIT ?",
            PatientSearchController::hit, prefixPattern(query), LIMIT);
    audit.record("emergency.patient.search", null, null, null, null);
    return new SearchResponse(ServiceMode.EMERGENCY, hits);
  }

  /** The same accent- and case-free key edge-node stores in name_key ("José" → "jose"). */
  static String prefixPattern(String prefix) {
    String key = Normalizer.normalize(prefix, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static PatientHit hit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new PatientHit(rs.getObject(1, java.util.UUID.class), rs.getString(2),
        rs.getObject(3, java.time.LocalDate.class), rs.getString(4));
  }
}
