package br.prontuario.edge.common.audit;

import br.prontuario.edge.common.problem.ApiProblem;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audit rows of reads, written by one thread in batches: one lock round and one commit (fsync)
 * for many concurrent readers instead of one each. A reader still waits until its row is
 * committed, so no read is answered unaudited.
 */
@Component
class AuditGroupCommit {

  private static final Logger LOG = LoggerFactory.getLogger(AuditGroupCommit.class);
  private static final int MAX_BATCH = 500;

  private record Pending(AuditEvent event, CompletableFuture<Void> done) {}

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(20_000);
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Thread writer;

  AuditGroupCommit(DataSource dataSource, TransactionTemplate transactions, Clock clock) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.clock = clock;
    this.writer = new Thread(this::writeLoop, "audit-group-commit");
    writer.setDaemon(true);
    writer.start();
  }

  void append(AuditEvent event) {
    Pending pending = new Pending(event, new CompletableFuture<>());
    try {
      if (!queue.offer(pending, 2, TimeUnit.SECONDS)) {
        throw unavailable();
      }
      pending.done().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (TimeoutException | ExecutionException e) {
      throw unavailable();
    }
  }

  private void writeLoop() {
    List<Pending> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        batch.add(queue.take());
        queue.drainTo(batch, MAX_BATCH - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    try {
      transactions.executeWithoutResult(tx -> {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
          AuditChain.appendAll(connection, batch.stream().map(Pending::event).toList(), clock);
        } catch (SQLException e) {
          throw new IllegalStateException("audit batch append failed", e);
        } finally {
          DataSourceUtils.releaseConnection(connection, dataSource);
        }
      });
      batch.forEach(p -> p.done().complete(null));
    } catch (RuntimeException e) {
      LOG.error("audit batch of {} rows failed: {}", batch.size(), e.getClass().getName());
      batch.forEach(p -> p.done().completeExceptionally(e));
    }
  }

  @PreDestroy
  void stop() {
    writer.interrupt();
  }

  private static ApiProblem unavailable() {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "Audit unavailable",
        "The read could not be audited, so it was not answered; retry shortly.")
        .withHeader("Retry-After", "2");
  }
}
