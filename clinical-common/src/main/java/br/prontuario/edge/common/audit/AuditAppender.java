package br.prontuario.edge.common.audit;

import br.prontuario.edge.common.problem.ApiProblem;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The one thread per node that extends the chain (docs/adr/0006-audit-single-appender.md). Each
 * round takes the chain's lock once and, in one transaction and one commit, chains the writes'
 * committed {@link AuditPending} rows (deleting them) and the readers' queued events. Readers
 * wait until their row is committed, so no read is answered unaudited; writers wait after their
 * own commit until their row is in the chain, so no write is acknowledged with its audit row
 * outside it. The lock is held for one batch commit, never through a clinical transaction.
 */
@Component
class AuditAppender {

  private static final Logger LOG = LoggerFactory.getLogger(AuditAppender.class);
  private static final int MAX_BATCH = 500;
  private static final long IDLE_POLL_MS = 1000; // picks up rows a crashed node left pending

  /** What the thread is asked to do: chain a read's event, or tell a writer when its row is. */
  private sealed interface Work permits Read, Committed {}

  private record Read(AuditChain.Stamped stamped, CompletableFuture<Void> done) implements Work {}

  private record Committed(long pendingId, CompletableFuture<Void> done) implements Work {}

  private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>(20_000);
  private final Map<Long, CompletableFuture<Void>> awaited = new HashMap<>(); // thread-confined
  private final DataSource dataSource;
  private final TransactionTemplate transactions;
  private final Thread writer;

  AuditAppender(DataSource dataSource, TransactionTemplate transactions) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.writer = new Thread(this::writeLoop, "audit-appender");
    writer.setDaemon(true);
    writer.start();
  }

  /** A read's event: returns once its row is committed in the chain; 503 if it cannot be. */
  void appendRead(AuditEvent event, Instant at) {
    Read read = new Read(new AuditChain.Stamped(at, event), new CompletableFuture<>());
    try {
      if (!queue.offer(read, 2, TimeUnit.SECONDS)) {
        throw unavailable();
      }
      read.done().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (TimeoutException | ExecutionException e) {
      throw unavailable();
    }
  }

  /**
   * After a write's commit: returns once its pending row is chained. Its event is already durable
   * with the write, so when the chain is slow (failover) the write is still answered, and the
   * row is chained by a later round, here or on the other node.
   */
  void awaitChained(long pendingId) {
    Committed committed = new Committed(pendingId, new CompletableFuture<>());
    try {
      if (queue.offer(committed, 2, TimeUnit.SECONDS)) {
        committed.done().get(10, TimeUnit.SECONDS);
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ExecutionException e) {
      // fall through: logged below
    }
    LOG.warn("audit row {} committed but not yet chained; a later round chains it", pendingId);
  }

  private void writeLoop() {
    List<Work> batch = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Work first = queue.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        round(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        LOG.error("audit round failed: {}", e.getClass().getName());
        pause();
      } finally {
        batch.clear();
      }
    }
  }

  private void round(List<Work> batch) {
    List<Read> reads = new ArrayList<>();
    for (Work work : batch) {
      if (work instanceof Read read) {
        reads.add(read);
      } else if (work instanceof Committed committed) {
        awaited.put(committed.pendingId(), committed.done());
      }
    }
    boolean full;
    do {
      try {
        full = chain(reads);
      } catch (RuntimeException e) {
        reads.forEach(r -> r.done().completeExceptionally(e));
        throw e;
      }
      reads.forEach(r -> r.done().complete(null));
      reads = List.of();
      releaseChainedWriters();
    } while (full); // more rows pending than one batch: go on at once
  }

  /** One transaction: lock, pending rows, reads, delete; true if a full batch was pending. */
  private boolean chain(List<Read> reads) {
    Boolean full = transactions.execute(tx -> {
      Connection connection = DataSourceUtils.getConnection(dataSource);
      try {
        if (reads.isEmpty() && awaited.isEmpty() && !AuditPending.any(connection)) {
          return false; // idle: no lock taken
        }
        AuditChain.lock(connection);
        List<AuditPending.Row> pending = AuditPending.oldest(connection, MAX_BATCH);
        List<AuditChain.Stamped> rows = new ArrayList<>();
        pending.forEach(p -> rows.add(p.stamped()));
        reads.forEach(r -> rows.add(r.stamped()));
        if (!rows.isEmpty()) {
          AuditChain.appendStamped(connection, rows);
        }
        if (!pending.isEmpty()) {
          AuditPending.delete(connection, pending.stream().map(AuditPending.Row::id).toList());
        }
        return pending.size() == MAX_BATCH;
      } catch (SQLException e) {
        throw new IllegalStateException("audit round failed", e);
      } finally {
        DataSourceUtils.releaseConnection(connection, dataSource);
      }
    });
    return Boolean.TRUE.equals(full);
  }

  /** Writers whose rows are no longer pending: chained by this round or another node's. */
  private void releaseChainedWriters() {
    if (awaited.isEmpty()) {
      return;
    }
    Set<Long> still;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      still = AuditPending.stillPending(connection, awaited.keySet());
    } catch (SQLException e) {
      throw new IllegalStateException("audit pending check failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    awaited.entrySet().removeIf(entry -> {
      if (still.contains(entry.getKey())) {
        return false;
      }
      entry.getValue().complete(null);
      return true;
    });
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
