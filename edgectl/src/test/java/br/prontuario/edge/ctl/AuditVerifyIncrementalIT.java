package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** audit verify --incremental against a real PostgreSQL: a chain of its own, tampered with. */
class AuditVerifyIncrementalIT {

  private static int databases;
  private String url;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void aClusterWithItsOwnChain() throws Exception {
    url = SharedPostgres.database("edgectl_audit_incremental_" + (++databases));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String file : List.of("V1__users.sql", "V2__audit_log.sql",
          "V112__audit_pending.sql")) {
        try (InputStream sql = getClass().getResourceAsStream("/db/migration/common/" + file)) {
          s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"}}");
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private void addUser(String name) {
    assertThat(edgectl("segredo-forte-1\n", "users", "add", name, "--role", "nurse",
        "--password-stdin", "--dir", dir.toString())).as(err.toString()).isZero();
  }

  private int edgectl(String stdin, String... args) {
    return EdgeCtlRun.executeWithStdin(out, err, stdin, args);
  }

  /** Runs verify --json with the extra flags and returns its exit code and report. */
  private record Verified(int code, JsonNode report) {}

  private Verified verify(String... flags) {
    out.getBuffer().setLength(0);
    List<String> args = new java.util.ArrayList<>(List.of("audit", "verify", "--json", "--dir",
        dir.toString()));
    args.addAll(List.of(flags));
    int code = edgectl("", args.toArray(String[]::new));
    return new Verified(code, JsonMapper.builder().build().readTree(out.toString()));
  }

  private void tamper(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica"); // past the append-only trigger
      s.execute(sql);
    }
  }

  @Test
  void walksOnlyTheRowsAfterTheLastVerifiedOneAndRecordsTheNewPosition() {
    addUser("inc.one");
    addUser("inc.two");
    addUser("inc.three");
    Verified first = verify("--incremental");
    assertThat(first.code()).isZero();
    assertThat(first.report().get("mode").asText()).isEqualTo("full"); // nothing verified yet
    assertThat(first.report().get("rowsChecked").asLong()).isEqualTo(3);
    assertThat(dir.resolve("audit-verified.json")).content().contains("\"seq\":3");

    addUser("inc.four");
    Verified next = verify("--incremental");
    assertThat(next.code()).isZero();
    assertThat(next.report().get("mode").asText()).isEqualTo("incremental");
    assertThat(next.report().get("fromSeq").asLong()).isEqualTo(3);
    assertThat(next.report().get("rowsChecked").asLong()).isEqualTo(1);
    assertThat(next.report().get("rows").asLong()).isEqualTo(4);
    assertThat(dir.resolve("audit-verified.json")).content().contains("\"seq\":4");
  }

  @Test
  void writeEventsNotChainedYetAreReportedWithTheAgeOfTheOldest() throws Exception {
    addUser("pend.one");
    assertThat(verify().report().get("pendingEvents").asLong()).isZero();
    try (Connection c = connect(); Statement s = c.createStatement()) { // no appender running
      s.execute("INSERT INTO audit_pending (occurred_at, actor, role, action, correlation_id)"
          + " VALUES (now() - interval '90 seconds', 'dr.x', 'physician', 'note.create', 'c1')");
    }

    Verified v = verify();
    assertThat(v.code()).isZero(); // not a broken chain: a backlog
    assertThat(v.report().get("pendingEvents").asLong()).isEqualTo(1);
    assertThat(v.report().get("oldestPendingSeconds").asDouble()).isBetween(89.0, 600.0);
    out.getBuffer().setLength(0);
    assertThat(edgectl("", "audit", "verify", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("1 write events not chained yet (oldest ");
  }

  @Test
  void catchesANewRowAlteredAndTheVerifiedRowRewrittenAndKeepsThePosition() throws Exception {
    addUser("tam.one");
    addUser("tam.two");
    assertThat(verify().code()).isZero(); // full, position at row 2
    String position = Files.readString(dir.resolve("audit-verified.json"));
    addUser("tam.three");

    tamper("UPDATE audit_log SET resource_id = 'someone' WHERE seq = 3");
    Verified altered = verify("--incremental");
    assertThat(altered.code()).isEqualTo(3);
    assertThat(altered.report().get("firstBadRow").asLong()).isEqualTo(3);
    assertThat(altered.report().get("problem").asText()).contains("altered");

    tamper("UPDATE audit_log SET hash = repeat('f', 64) WHERE seq = 2");
    Verified rewritten = verify("--incremental");
    assertThat(rewritten.code()).isEqualTo(3);
    assertThat(rewritten.report().get("firstBadRow").asLong()).isEqualTo(2);
    assertThat(rewritten.report().get("problem").asText()).contains("no longer has the hash");
    assertThat(dir.resolve("audit-verified.json")).content().isEqualTo(position);
  }

  @Test
  void theFullWalkStillSeesAnOldRowEditedBeforeTheVerifiedPosition() throws Exception {
    addUser("old.one");
    addUser("old.two");
    assertThat(verify().code()).isZero();
    tamper("UPDATE audit_log SET actor = 'intruder' WHERE seq = 1");
    Verified full = verify();
    assertThat(full.code()).isEqualTo(3);
    assertThat(full.report().get("mode").asText()).isEqualTo("full");
    assertThat(full.report().get("firstBadRow").asLong()).isEqualTo(1);
  }

  @Test
  void aDamagedPositionFileIsOneLineAndNonZero() throws Exception {
    addUser("bad.one");
    Files.writeString(dir.resolve("audit-verified.json"), "{\"seq\":\"x\"}");
    assertThat(edgectl("", "audit", "verify", "--incremental", "--dir", dir.toString()))
        .isNotZero();
    assertThat(err.toString().strip()).startsWith("edgectl: ").contains("audit-verified.json")
        .doesNotContain("\n");
  }
}
