package br.prontuario.edge.common.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The single appender on a real PostgreSQL: concurrent writers (each a transaction with a
 * clinical change and its audit event), concurrent readers and a second node's appender, all
 * ending in one gapless chain that verifies, with exactly the committed writes' events in it.
 */
class AuditAppenderIT {

  private static int databases;
  private DriverManagerDataSource dataSource;
  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private final List<AuditAppender> appenders = new ArrayList<>();

  @BeforeEach
  void freshDatabase() {
    String url = SharedPostgres.database("audit_appender_" + (++databases));
    Flyway.configure().dataSource(url, "postgres", "")
        .locations("classpath:db/migration/common").load().migrate();
    dataSource = new DriverManagerDataSource(url, "postgres", "");
    jdbc = new JdbcTemplate(dataSource);
    jdbc.execute("CREATE TABLE clinical_change (id text PRIMARY KEY)");
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @AfterEach
  void stopAppenders() {
    appenders.forEach(AuditAppender::stop);
  }

  /** One node: its appender and its AuditLog. */
  private AuditLog node() {
    AuditAppender appender = new AuditAppender(dataSource, transactions);
    appenders.add(appender);
    return new AuditLog(dataSource, JsonMapper.builder().build(), Clock.systemUTC(), appender);
  }

  /** A write: the change and its audit event in one transaction; every 5th one rolls back. */
  private boolean write(AuditLog audit, String id, boolean rollBack) {
    try {
      transactions.executeWithoutResult(tx -> {
        jdbc.update("INSERT INTO clinical_change (id) VALUES (?)", id);
        audit.recordAs("dr-" + id, "physician", "note.create", UUID.randomUUID(), id, null,
            id);
        if (rollBack) {
          throw new IllegalStateException("the write fails after its audit event");
        }
      });
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  private long chained(String resourceId) {
    return jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE resource_id = ?", Long.class,
        resourceId);
  }

  private AuditChainVerifier.Result verify() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return new AuditChainVerifier().verify(c);
    }
  }

  private static void runAll(int threads, List<Callable<Void>> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void concurrentWritersEndInOneGaplessChainWithEveryCommittedWriteAndNoRolledBackOne()
      throws Exception {
    AuditLog audit = node();
    List<Callable<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      writers.add(() -> {
        for (int i = 0; i < 25; i++) {
          String id = writer + "-" + i;
          boolean committed = write(audit, id, i % 5 == 4);
          // acknowledged means chained: the row is in audit_log when the write returns
          assertThat(chained(id)).as(id).isEqualTo(committed ? 1 : 0);
        }
        return null;
      });
    }
    runAll(8, writers);

    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Intact.class,
        ok -> assertThat(ok.rows()).isEqualTo(8 * 20));
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class)).isZero();
    assertThat(jdbc.queryForList("SELECT id FROM clinical_change EXCEPT"
        + " SELECT resource_id FROM audit_log", String.class)).isEmpty();
    assertThat(jdbc.queryForObject("SELECT max(seq) - min(seq) + 1 = count(*) FROM audit_log",
        Boolean.class)).isTrue();
  }

  @Test
  void readersAndWritersOnTwoNodesShareOneChainWithoutDuplicates() throws Exception {
    AuditLog nodeA = node();
    AuditLog nodeB = node();
    List<Callable<Void>> work = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      AuditLog audit = w % 2 == 0 ? nodeA : nodeB;
      int worker = w;
      work.add(() -> {
        for (int i = 0; i < 20; i++) {
          if (i % 2 == 0) {
            write(audit, worker + "-" + i, false);
          } else {
            audit.recordAs("reader-" + worker, "nurse", "patient.read", null, "r" + worker + i,
                null, null);
          }
        }
        return null;
      });
    }
    runAll(6, work);

    assertThat(verify()).isInstanceOfSatisfying(AuditChainVerifier.Intact.class,
        ok -> assertThat(ok.rows()).isEqualTo(6 * 20));
    assertThat(jdbc.queryForObject("SELECT count(DISTINCT resource_id) FROM audit_log",
        Long.class)).isEqualTo(6 * 20);
  }

  @Test
  void eventsLeftPendingByANodeThatDiedAreChainedByTheNextAppender() throws Exception {
    try (Connection c = dataSource.getConnection()) { // committed, then its node died
      c.setAutoCommit(false);
      AuditPending.insert(c, new AuditEvent("dr-gone", "physician", "note.create", null,
          "orphan", "corr", null, "ab".repeat(32)), Instant.now());
      c.commit();
    }
    assertThat(chained("orphan")).isZero();

    node(); // a node starting (or the surviving one) finds it on its idle poll
    await().atMost(Duration.ofSeconds(10)).until(() -> chained("orphan") == 1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_pending", Long.class)).isZero();
    assertThat(verify()).isInstanceOf(AuditChainVerifier.Intact.class);
  }
}
