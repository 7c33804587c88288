package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.DatabaseOutage;
import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The one transaction around a mutating request, shared by the idempotency filter (POST) and
 * {@link MutationTransactionFilter} (PUT/PATCH/DELETE): begin; handle the request on a buffered
 * response; commit on 2xx, roll back on any other status or exception (a rejected request writes
 * nothing); then send the buffered response.
 *
 * <p>A database lost on the way (begin, handling, commit or rollback during a switchover or
 * failover) does not reach the client at once: the whole transaction is rolled back and run
 * again, with the cached body, until the new primary answers or the {@link DatabaseOutageHold}
 * runs out; only then is it a 503 with Retry-After, never a 500. Running it again is safe even
 * when a commit's outcome was unknown: the idempotency filter's key claim is in the same
 * transaction, so an attempt that did commit is replayed, not repeated.
 */
public final class RequestTransaction {

  private final TransactionTemplate transactions;
  private final ProblemWriter problems;
  private final DatabaseOutageHold hold;

  public RequestTransaction(TransactionTemplate transactions, ProblemWriter problems,
      DatabaseOutageHold hold) {
    this.transactions = transactions;
    this.problems = problems;
    this.hold = hold;
  }

  /** What a filter does inside the transaction; it decides whether and when to handle. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Handler handler);
  }

  /** How the request ended: the transaction finished, or the database was unavailable (503). */
  public sealed interface Outcome<T> {}

  /** Committed or rolled back; the handler's response, if it ran, has been sent. */
  public record Finished<T>(T result) implements Outcome<T> {}

  /** The database stayed away for the whole hold: 503 + Retry-After was written; nothing is stored. */
  public record Unavailable<T>() implements Outcome<T> {}

  /** Runs the request's handler in the transaction, the whole of the work. */
  public Outcome<Void> handle(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    return run(request, response, chain, handler -> {
      handler.proceed();
      return null;
    });
  }

  public <T> Outcome<T> run(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain, Work<T> work) throws ServletException, IOException {
    long deadline = hold.deadline();
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
      AfterTransaction.open();
      try {
        boolean[] committed = {false};
        T result = transactions.execute(tx -> {
          TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              committed[0] = true;
            }
          });
          return work.run(new Handler(request, captured, chain, tx));
        });
        if (committed[0]) {
          AfterTransaction.runDeferred(); // connection back in the pool, response not yet sent
        }
        if (!DatabaseOutageHold.answeredOutage(request) || !hold.pauseBeforeRetry(deadline)) {
          captured.copyBodyToResponse(); // a no-op when the work answered without handling
          DatabaseOutageHold.logHeld(request, attempt);
          return new Finished<>(result);
        }
      } catch (HandlerFailure e) {
        if (e.getCause() instanceof ServletException se) {
          throw se;
        }
        throw (IOException) e.getCause();
      } catch (RuntimeException e) {
        if (!DatabaseOutage.isTransient(e)) {
          throw e;
        }
        if (!hold.pauseBeforeRetry(deadline)) {
          problems.writeDatabaseUnavailable(request, response);
          DatabaseOutageHold.logHeld(request, attempt);
          return new Unavailable<>();
        }
      } finally {
        AfterTransaction.discard(); // a rolled-back or failed attempt's deferred work never runs
      }
      DatabaseOutageHold.clearFailedAttempt(request, response);
    }
  }

  /** Handles the request inside the transaction. */
  public static final class Handler {
    private final HttpServletRequest request;
    private final ContentCachingResponseWrapper response;
    private final FilterChain chain;
    private final TransactionStatus tx;

    private Handler(HttpServletRequest request, ContentCachingResponseWrapper response,
        FilterChain chain, TransactionStatus tx) {
      this.request = request;
      this.response = response;
      this.chain = chain;
      this.tx = tx;
    }

    /**
     * Runs the rest of the filter chain. A 2xx response is returned (still buffered, so the
     * caller may store it in the same transaction); any other status marks the transaction for
     * rollback and returns empty. An exception rolls back and is rethrown by {@link #run}.
     */
    public Optional<ContentCachingResponseWrapper> proceed() {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException e) {
        throw new HandlerFailure(e);
      }
      int status = response.getStatus();
      if (status >= 200 && status < 300) {
        return Optional.of(response);
      }
      tx.setRollbackOnly();
      return Optional.empty();
    }
  }

  /** Carries a checked exception of the filter chain out of the transaction callback. */
  private static final class HandlerFailure extends RuntimeException {
    HandlerFailure(Exception cause) {
      super(cause);
    }
  }
}
