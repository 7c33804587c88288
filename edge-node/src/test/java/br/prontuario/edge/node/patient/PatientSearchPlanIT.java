package br.prontuario.edge.node.patient;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name-prefix search's plan on a real PostgreSQL with enough patients for the planner to
 * care (60,000, a third of them "maria …", ANALYZEd): an index range scan in the page's order,
 * no sequential scan and no sort, so a search costs the page it returns, not the table. The
 * statements are the repository's own constants.
 */
class PatientSearchPlanIT {

  private static final int PATIENTS = 60_000;
  private static String url;

  @BeforeAll
  static void aHospitalOfPatients() throws SQLException {
    url = SharedPostgres.database("patient_search_plan");
    Flyway.configure().dataSource(url, "postgres", "")
        .locations("classpath:db/migration/common", "classpath:db/migration/edge").load()
        .migrate();
    try (Connection c = connect(); Statement s = c.createStatement()) {
      // a skewed first-name distribution, like real Brazilian names: "maria" is a third
      s.execute("INSERT INTO patients (id, version, name, name_key, birth_date, sex, created_at,"
          + " created_by, updated_at, updated_by)"
          + " SELECT gen_random_uuid(), 1, n, n, date '1950-01-01' + (i % 20000), 'female',"
          + " now(), 'plan-test', now(), 'plan-test' FROM ("
          + "   SELECT i, (CASE WHEN i % 3 = 0 THEN 'maria' WHEN i % 7 = 0 THEN 'paulo'"
          + "     ELSE substr(md5(i::text), 1, 6) END) || ' silva ' || i AS n"
          + "   FROM generate_series(1, " + PATIENTS + ") i) names");
      s.execute("ANALYZE patients");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  @Test
  void aFirstPageOfTheCommonestPrefixIsAnIndexRangeScanWithoutSort() throws SQLException {
    NameKey.Range range = NameKey.prefixRange("Ma");
    JsonNode plan = explain(false, PatientRepository.BY_NAME_PREFIX, range.from(), range.to(), 21);
    assertReadsOnlyThePage(plan);
  }

  @Test
  void aDeepPageContinuesTheSameRangeScanFromTheCursor() throws SQLException {
    NameKey.Range range = NameKey.prefixRange("pa");
    JsonNode plan = explain(false, PatientRepository.BY_NAME_PREFIX_AFTER, range.from(),
        range.to(), "paulo silva 7", new UUID(0, 0), 21);
    assertReadsOnlyThePage(plan);
  }

  @Test
  void theGenericPlanAPreparedStatementSettlesOnIsTheSameShape() throws SQLException {
    NameKey.Range range = NameKey.prefixRange("ma");
    assertReadsOnlyThePage(explain(true, PatientRepository.BY_NAME_PREFIX, range.from(),
        range.to(), 21));
    assertReadsOnlyThePage(explain(true, PatientRepository.BY_NAME_PREFIX_AFTER, range.from(),
        range.to(), "maria silva 3", new UUID(0, 0), 21));
  }

  @Test
  void theRangeFindsExactlyThePrefixMatches() throws SQLException {
    NameKey.Range range = NameKey.prefixRange("Pául");
    try (Connection c = connect();
        PreparedStatement count = c.prepareStatement("SELECT count(*) FROM patients WHERE"
            + " name_key COLLATE \"C\" >= ? AND name_key COLLATE \"C\" < ?");
        PreparedStatement like = c.prepareStatement(
            "SELECT count(*) FROM patients WHERE name_key LIKE 'paul%'")) {
      count.setString(1, range.from());
      count.setString(2, range.to());
      assertThat(single(count)).isEqualTo(single(like)).isGreaterThan(1000);
    }
  }

  private static long single(PreparedStatement query) throws SQLException {
    try (ResultSet rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void assertReadsOnlyThePage(JsonNode plan) {
    List<JsonNode> nodes = new ArrayList<>();
    collect(plan, nodes);
    List<String> types = nodes.stream().map(n -> n.get("Node Type").asString()).toList();
    assertThat(types).as("plan %s", plan).doesNotContain("Sort", "Incremental Sort", "Seq Scan",
        "Bitmap Heap Scan", "Gather", "Gather Merge");
    assertThat(nodes).as("plan %s", plan).anySatisfy(n -> {
      assertThat(n.get("Node Type").asString()).isIn("Index Scan", "Index Only Scan");
      assertThat(n.get("Index Name").asString()).isEqualTo("patients_name_key_c");
      assertThat(n.get("Scan Direction").asString()).isEqualTo("Forward");
    });
    assertThat(types.get(0)).isEqualTo("Limit");
  }

  private static void collect(JsonNode node, List<JsonNode> into) {
    into.add(node);
    if (node.has("Plans")) {
      node.get("Plans").forEach(child -> collect(child, into));
    }
  }

  private static JsonNode explain(boolean generic, String sql, Object... args)
      throws SQLException {
    try (Connection c = connect()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET plan_cache_mode = " + (generic ? "force_generic_plan" : "auto"));
      }
      // PREPARE/EXECUTE so that force_generic_plan applies, as to the driver's server-side
      // prepared statement after a few executions
      String prepared = sql;
      for (int i = 1; i <= args.length; i++) {
        prepared = prepared.replaceFirst("\\?", "\\$" + i);
      }
      try (Statement s = c.createStatement()) {
        s.execute("PREPARE q AS " + prepared);
      }
      // EXPLAIN EXECUTE takes no bind parameters: the test's own values, quoted as literals
      StringBuilder execute = new StringBuilder("EXPLAIN (FORMAT JSON) EXECUTE q(");
      for (int i = 0; i < args.length; i++) {
        execute.append(i == 0 ? "'" : ", '").append(args[i].toString().replace("'", "''"))
            .append("'");
      }
      try (Statement e = c.createStatement();
          ResultSet rs = e.executeQuery(execute.append(")").toString())) {
        rs.next();
        return JsonMapper.builder().build().readTree(rs.getString(1)).get(0).get("Plan");
      }
    }
  }
}
