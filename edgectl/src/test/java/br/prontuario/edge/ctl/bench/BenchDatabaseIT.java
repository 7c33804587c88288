package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.audit.AuditChainVerifier;
import br.prontuario.edge.drill.bench.BenchUser;
import br.prontuario.edge.drill.bench.PgbenchCeiling;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What bench api prepares on the primary, on a real PostgreSQL. */
class BenchDatabaseIT {

  @TempDir Path work;

  @Test
  void createsLoginsWithOneAuditRowAndAPgbenchDatabaseOfItsOwn() throws Exception {
    String url = SharedPostgres.database("bench_database_it");
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      for (String file : List.of("V1__users.sql", "V2__audit_log.sql")) {
        try (InputStream sql = getClass().getResourceAsStream("/db/migration/common/" + file)) {
          s.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    BenchDatabase bench = new BenchDatabase(
        new ClusterDescriptor.Database(url, "postgres", "", "postgres", ""));

    List<BenchUser> users = bench.clinicians(3);
    List<BenchUser> again = bench.clinicians(3); // a second run re-keys, no duplicates
    assertThat(again).extracting(BenchUser::username)
        .containsExactly("bench-001", "bench-002", "bench-003");
    assertThat(again.get(0).password()).isNotEqualTo(users.get(0).password());
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM users WHERE username LIKE"
            + " 'bench-%'), (SELECT count(*) FROM audit_log WHERE action = 'bench.users')")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(3);
      assertThat(rs.getLong(2)).isEqualTo(2);
    }
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      assertThat(new AuditChainVerifier().verify(c)).isInstanceOf(AuditChainVerifier.Intact.class);
    }

    PgbenchCeiling.Target target = bench.pgbenchTarget();
    assertThat(target.database()).isEqualTo(BenchDatabase.PGBENCH_DATABASE);
    assertThat(bench.pgbenchTarget().port()).isEqualTo(target.port()); // exists now: reused
    assertThat(bench.pgbenchInitialised()).isFalse();
    new PgbenchCeiling(target, work).initialize(1);
    assertThat(bench.pgbenchInitialised()).isTrue();
    assertThat(bench.pgbenchClients(10_000)).isBetween(1, 200);
  }
}
