package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.user.PasswordHasher;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.IOException;
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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** users add and audit verify against a real PostgreSQL named by a cluster.json. */
class UsersAndAuditCommandsIT {

  private static String url;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void databaseWithTheCommonSchema() throws Exception {
    url = SharedPostgres.database("edgectl_users");
    try (Connection c = connect(); Statement s = c.createStatement()) {
      for (String file : List.of("V1__users.sql", "V2__audit_log.sql", "V3__idempotency_keys.sql")) {
        try (InputStream sql = UsersAndAuditCommandsIT.class.getResourceAsStream(
            "/db/migration/common/" + file)) {
          s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
  }

  @BeforeEach
  void clusterJson() throws IOException {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"}}");
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private int edgectl(String stdin, String... args) {
    return EdgeCtlRun.executeWithStdin(out, err, stdin, args);
  }

  private String stored(String column, String username) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + column + " FROM users WHERE username = '"
            + username + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void usersAddStoresAnArgon2idHashAndAnAuditRow() throws SQLException {
    int code = edgectl("segredo-forte-1\n", "users", "add", "enf.maria", "--role", "nurse",
        "--password-stdin", "--dir", dir.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("created user enf.maria (nurse)");
    assertThat(stored("role", "enf.maria")).isEqualTo("nurse");
    String hash = stored("password_hash", "enf.maria");
    assertThat(new PasswordHasher().matches("segredo-forte-1".toCharArray(), hash)).isTrue();
    try (Connection c = connect(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT action FROM audit_log WHERE resource_id = 'enf.maria'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("user.create");
    }
  }

  @Test
  void usersAddRefusesDuplicatesUnknownRolesAndShortPasswordsInOneLine() {
    assertThat(edgectl("segredo-forte-1\n", "users", "add", "dup.user", "--role", "admin",
        "--password-stdin", "--dir", dir.toString())).isZero();
    assertThat(edgectl("segredo-forte-1\n", "users", "add", "dup.user", "--role", "admin",
        "--password-stdin", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("already exists");
    assertThat(edgectl("segredo-forte-1\n", "users", "add", "x.user", "--role", "janitor",
        "--password-stdin", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("unknown role janitor");
    assertThat(edgectl("curta\n", "users", "add", "y.user", "--role", "nurse",
        "--password-stdin", "--dir", dir.toString())).isNotZero();
    assertThat(err.toString()).contains("at least 8");
    assertThat(err.toString().lines()).allMatch(l -> l.startsWith("edgectl: "));
  }

  @Test
  void auditVerifyPassesOnAnIntactChainAndNamesATamperedRow() throws SQLException {
    for (String user : List.of("aud.one", "aud.two", "aud.three")) {
      assertThat(edgectl("segredo-forte-1\n", "users", "add", user, "--role", "auditor",
          "--password-stdin", "--dir", dir.toString())).isZero();
    }
    assertThat(edgectl("", "audit", "verify", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).contains("audit chain intact");

    long target;
    try (Connection c = connect(); Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery("SELECT seq FROM audit_log WHERE resource_id = 'aud.two'");
      rs.next();
      target = rs.getLong(1);
      s.execute("SET session_replication_role = replica");
      s.execute("UPDATE audit_log SET resource_id = 'someone' WHERE seq = " + target);
    }
    assertThat(edgectl("", "audit", "verify", "--dir", dir.toString())).isEqualTo(3);
    assertThat(err.toString()).contains("row " + target + " was altered");

    out.getBuffer().setLength(0);
    assertThat(edgectl("", "audit", "verify", "--json", "--dir", dir.toString())).isEqualTo(3);
    assertThat(out.toString()).contains("\"intact\":false").contains("\"firstBadRow\":" + target);
  }

  @Test
  void aMissingClusterFileIsOneLineAndNonZero() {
    assertThat(edgectl("", "audit", "verify", "--dir", dir.resolve("nowhere").toString()))
        .isNotZero();
    assertThat(err.toString()).startsWith("edgectl: no cluster at");
  }
}
