package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.audit.anchor.AuditAnchor;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore.Advance;
import br.prontuario.edge.site.etcd.EtcdGateway;
import br.prontuario.edge.testsupport.servers.RealEtcd;
import br.prontuario.edge.testsupport.servers.RunningServer;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit chain's anchor in a real etcd against a real PostgreSQL: rows removed from the tail
 * (the chain still walks clean) fail {@code edgectl audit verify}; the anchor never moves back.
 */
class AuditAnchorIT {

  @RegisterExtension
  static final RunningServer<RealEtcd> etcd = new RunningServer<>(RealEtcd::start);

  private static int databases;
  private String url;
  private EtcdAnchorStore store;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void aClusterWithItsOwnChainAndAnchorKey() throws Exception {
    url = SharedPostgres.database("edgectl_audit_anchor_" + (++databases));
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String file : List.of("V1__users.sql", "V2__audit_log.sql")) {
        try (InputStream sql = getClass().getResourceAsStream("/db/migration/common/" + file)) {
          s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    // one etcd for every test: each starts from an empty anchor key
    store = new EtcdAnchorStore("edge", List.of(etcd.get().endpoint()), EtcdAnchorStore.DEFAULT_KEY,
        Duration.ofSeconds(3));
    new EtcdGateway(List.of(etcd.get().endpoint()), JsonMapper.builder().build(),
        Duration.ofSeconds(3)).post("/v3/kv/deleterange",
        Map.of("key", EtcdGateway.b64(EtcdAnchorStore.DEFAULT_KEY)));
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"},"
        + "\"etcd\":{\"endpoints\":[\"" + etcd.get().endpoint() + "\"]}}");
  }

  @Test
  void rowsRemovedFromTheTailAfterTheAnchorAreReportedAndFailTheVerification() throws Exception {
    addUsers("tail.one", "tail.two", "tail.three");
    assertThat(store.advance(head())).isEqualTo(Advance.ADVANCED);
    addUsers("tail.four");

    Verified clean = verify();
    assertThat(clean.code()).as(err.toString()).isZero();
    assertThat(clean.report().at("/anchor/status").asString()).isEqualTo("agrees");
    assertThat(clean.report().at("/anchor/seq").asLong()).isEqualTo(3);

    // whoever deletes the last rows leaves a chain that still links from row 1 to its new end
    tamper("DELETE FROM audit_log WHERE seq >= 3");
    Verified truncated = verify();
    assertThat(truncated.code()).isEqualTo(3);
    assertThat(truncated.report().get("intact").asBoolean()).isFalse();
    assertThat(truncated.report().at("/anchor/status").asString()).isEqualTo("broken");
    assertThat(truncated.report().get("problem").asString())
        .contains("ends at row 2", "anchored at row 3", "removed from its tail");
  }

  @Test
  void aTailReplacedByForgedRowsThatChainCleanlyIsReportedToo() throws Exception {
    addUsers("re.one", "re.two");
    assertThat(store.advance(head())).isEqualTo(Advance.ADVANCED);
    // row 2 deleted, then a forged row 2 appended the normal way: the walk finds nothing wrong
    tamper("DELETE FROM audit_log WHERE seq >= 2");
    addUsers("re.forged");
    Verified forged = verify();
    assertThat(forged.code()).isEqualTo(3);
    assertThat(forged.report().get("rows")).isNull();
    assertThat(forged.report().get("problem").asString())
        .isEqualTo("row 2 no longer has the hash anchored on 2026-12-01T10:41:00Z:"
            + " the chain was rewritten");
  }

  @Test
  void theAnchorOnlyMovesForwardSoAShortenedChainCannotPullItBack() throws Exception {
    addUsers("fwd.one", "fwd.two", "fwd.three");
    AuditAnchor atThree = head();
    assertThat(store.advance(atThree)).isEqualTo(Advance.ADVANCED);
    AuditAnchor atOne = new AuditAnchor(1, "x".repeat(64), Instant.now());
    assertThat(store.advance(atOne)).isEqualTo(Advance.ALREADY_AHEAD);
    assertThat(((EtcdAnchorStore.Found) store.read()).anchor()).isEqualTo(atThree);
  }

  @Test
  void withoutAnAnchorYetTheVerificationPassesAndSaysTheTailWasNotChecked() {
    addUsers("none.one");
    Verified result = verify();
    assertThat(result.code()).isZero();
    assertThat(result.report().at("/anchor/status").asString()).isEqualTo("none-yet");
    out.getBuffer().setLength(0);
    assertThat(EdgeCtlRun.executeWithStdin(out, err, "", "audit", "verify", "--dir", dir.toString()))
        .isZero();
    assertThat(out.toString()).contains("no anchor yet (the tail is not checked)");
  }

  private record Verified(int code, JsonNode report) {}

  private Verified verify() {
    out.getBuffer().setLength(0);
    int code = EdgeCtlRun.executeWithStdin(out, err, "", "audit", "verify", "--json", "--dir",
        dir.toString());
    return new Verified(code, JsonMapper.builder().build().readTree(out.toString()));
  }

  private void addUsers(String... names) {
    for (String name : names) {
      assertThat(EdgeCtlRun.executeWithStdin(out, err, "segredo-forte-1\n", "users", "add", name, "--role",
          "nurse", "--password-stdin", "--dir", dir.toString())).as(err.toString()).isZero();
    }
  }

  private AuditAnchor head() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
      row.next();
      return new AuditAnchor(row.getLong(1), row.getString(2), Instant.parse("2026-12-01T10:41:00Z"));
    }
  }

  private void tamper(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica"); // past the append-only trigger
      s.execute(sql);
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }
}
