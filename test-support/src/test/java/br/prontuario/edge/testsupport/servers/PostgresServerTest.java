package br.prontuario.edge.testsupport.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

  @Test
  void startsARealServerThatDoesNotRunAsRoot() throws Exception {
    String url = SharedPostgres.database("smoke");
    assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
    try (Connection c = SharedPostgres.server().connect("smoke");
        Statement s = c.createStatement()) {
      ResultSet rs = s.executeQuery(
          "SELECT current_setting('server_version_num')::int, current_setting('data_checksums')");
      rs.next();
      assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(150000);
      assertThat(rs.getString(2)).isEqualTo("on");
      ResultSet who = s.executeQuery(
          "SELECT pg_read_file('postmaster.pid', 0, 0) IS NOT NULL");
      assertThat(who.next()).isTrue();
    }
  }

  @Test
  void createDatabaseIsIdempotentAndRejectsBadNames() {
    String first = SharedPostgres.database("twice");
    assertThat(SharedPostgres.database("twice")).isEqualTo(first);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SharedPostgres.database("x; drop"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
