package br.prontuario.edge.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain on a real PostgreSQL, tampered with through plain SQL as an attacker would. */
class AuditChainVerifierIT {

  private static int databases;
  private String url;

  @BeforeEach
  void freshDatabaseWithTenRows() throws SQLException {
    url = SharedPostgres.database("audit_chain_" + (++databases));
    Flyway.configure().dataSource(url, "postgres", "")
        .locations("classpath:db/migration/common").load().migrate();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      for (int i = 0; i < 10; i++) {
        AuditChain.append(c, new AuditEvent("dr-" + i, "physician", "patient.read",
            UUID.randomUUID(), null, "corr-" + i, null, i % 2 == 0 ? "ab".repeat(32) : null),
            Clock.systemUTC());
      }
      c.commit();
    }
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "");
  }

  private AuditChainVerifier.Result verify() throws SQLException {
    try (Connection c = connect()) {
      return new AuditChainVerifier().verify(c);
    }
  }

  /** Bypasses the append-only trigger the way a superuser could. */
  private void tamper(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute(sql);
    }
  }

  @Test
  void anUntouchedChainIsIntact() throws SQLException {
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Intact.class,
        ok -> assertThat(ok.rows()).isEqualTo(10));
  }

  @Test
  void anAlteredRowIsNamed() throws SQLException {
    tamper("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4");
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, bad -> {
      assertThat(bad.seq()).isEqualTo(4);
      assertThat(bad.problem()).contains("altered");
    });
  }

  @Test
  void anAlteredTimestampIsNamed() throws SQLException {
    tamper("UPDATE audit_log SET occurred_at = occurred_at - interval '1 day' WHERE seq = 7");
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Broken.class,
        bad -> assertThat(bad.seq()).isEqualTo(7));
  }

  @Test
  void aDeletedRowIsNamedAsMissing() throws SQLException {
    tamper("DELETE FROM audit_log WHERE seq = 6");
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, bad -> {
      assertThat(bad.seq()).isEqualTo(6);
      assertThat(bad.problem()).contains("missing");
    });
  }

  @Test
  void aForgedHashIsNamed() throws SQLException {
    tamper("UPDATE audit_log SET hash = repeat('f', 64) WHERE seq = 3");
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Broken.class,
        bad -> assertThat(bad.seq()).isEqualTo(3));
  }

  @Test
  void aRowEditedAndRehashedBySomeoneWhoKnowsTheAlgorithmIsStillNamed() throws SQLException {
    String prev;
    java.time.Instant at;
    try (Connection c = connect(); Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT prev_hash, occurred_at FROM audit_log WHERE seq = 5")) {
      rs.next();
      prev = rs.getString(1);
      at = rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
    }
    AuditEvent forged = new AuditEvent("intruder", "admin", "patient.read", null, null,
        "corr-4", null, "ab".repeat(32));
    String hash = AuditHashing.rowHash(5, at, forged, prev);
    tamper("UPDATE audit_log SET actor = 'intruder', role = 'admin', patient_id = NULL,"
        + " hash = '" + hash + "' WHERE seq = 5");
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Broken.class, bad -> {
      assertThat(bad.seq()).isEqualTo(5);
      assertThat(bad.problem()).contains("rewritten");
    });
  }

  @Test
  void concurrentAppendersProduceOneGaplessChain() throws Exception {
    Thread[] writers = new Thread[4];
    for (int w = 0; w < writers.length; w++) {
      writers[w] = new Thread(() -> {
        try (Connection c = connect()) {
          c.setAutoCommit(false);
          for (int i = 0; i < 25; i++) {
            AuditChain.append(c, new AuditEvent("w", "nurse", "note.create", null, null, "c",
                null, null), Clock.systemUTC());
            c.commit();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      writers[w].start();
    }
    for (Thread writer : writers) {
      writer.join();
    }
    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Intact.class,
        ok -> assertThat(ok.rows()).isEqualTo(110));
  }
}
