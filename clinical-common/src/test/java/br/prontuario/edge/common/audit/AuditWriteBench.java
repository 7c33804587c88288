package br.prontuario.edge.common.audit;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Run by command, not a test (docs/benchmarks.md, "Audited writes side by side"): W writer
 * threads, each with its own connection, commit "a clinical change + its audit event" as fast as
 * they can, first with the event chained inside the writer's transaction (the design before ADR
 * 0006: the chain's lock held through the commit), then through audit_pending and the appender;
 * same database, same run. Prints transactions per second and p50/p95 of each.
 *
 * <p>Arguments: [writers=16] [seconds=20].
 */
public final class AuditWriteBench {

  public static void main(String[] args) throws Exception {
    int writers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String url = SharedPostgres.database("audit_write_bench_" + System.currentTimeMillis() % 100000);
    Flyway.configure().dataSource(url, "postgres", "")
        .locations("classpath:db/migration/common").load().migrate();
    new JdbcTemplate(new SingleConnectionDataSource(url, "postgres", "", true))
        .execute("CREATE TABLE clinical_change (id uuid PRIMARY KEY, body text)");
    System.out.printf("%d writers, %d s each mode, fsync on, no replica%n", writers, seconds);
    System.out.println(run("lock held through commit", writers, seconds, url, false));
    System.out.println(run("pending + appender", writers, seconds, url, true));
    System.exit(0);
  }

  private static String run(String mode, int writers, int seconds, String url, boolean appender)
      throws Exception {
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    // one appender with its own connection, as one node has
    AuditAppender chain = null;
    if (appender) {
      SingleConnectionDataSource own = new SingleConnectionDataSource(url, "postgres", "", true);
      chain = new AuditAppender(own, new TransactionTemplate(new DataSourceTransactionManager(own)));
    }
    for (int w = 0; w < writers; w++) {
      SingleConnectionDataSource own = new SingleConnectionDataSource(url, "postgres", "", true);
      TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(own));
      JdbcTemplate jdbc = new JdbcTemplate(own);
      AuditLog audit = chain == null ? null
          : new AuditLog(own, JsonMapper.builder().build(), Clock.systemUTC(), chain);
      pool.execute(() -> {
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          tx.executeWithoutResult(s -> {
            UUID id = UUID.randomUUID();
            jdbc.update("INSERT INTO clinical_change (id, body) VALUES (?, 'x')", id);
            AuditEvent event = new AuditEvent("w", "physician", "note.create", id, null, "c",
                null, "ab".repeat(32));
            if (audit != null) {
              audit.recordAs("w", "physician", "note.create", id, null, null, "x");
            } else {
              try {
                Connection c = org.springframework.jdbc.datasource.DataSourceUtils
                    .getConnection(own);
                AuditChain.append(c, event, Clock.systemUTC());
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }
          });
          latencies.add((System.nanoTime() - start) / 1000);
          done.incrementAndGet();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    if (chain != null) {
      chain.stop();
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return String.format("%-26s %7.1f writes/s  p50 %6.1f ms  p95 %6.1f ms  (%d writes)", mode,
        done.get() / (double) seconds, sorted[sorted.length / 2] / 1000.0,
        sorted[(int) (sorted.length * 0.95)] / 1000.0, done.get());
  }
}
