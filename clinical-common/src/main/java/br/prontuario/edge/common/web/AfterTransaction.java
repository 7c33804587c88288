package br.prontuario.edge.common.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Work a request defers until its transaction has committed and the connection is back in the
 * pool, before its response is sent. Spring's after-commit callbacks run while the transaction
 * still holds its pooled connection, so anything that waits there (a write waiting for its audit
 * row to be chained) keeps a connection idle; {@link RequestTransaction} runs the deferred work
 * after the transaction instead.
 */
public final class AfterTransaction {

  private static final ThreadLocal<List<Runnable>> DEFERRED = new ThreadLocal<>();

  private AfterTransaction() {}

  /** Defers {@code work} to after the current request transaction; false if there is none. */
  public static boolean defer(Runnable work) {
    List<Runnable> deferred = DEFERRED.get();
    if (deferred == null) {
      return false;
    }
    deferred.add(work);
    return true;
  }

  static void open() {
    DEFERRED.set(new ArrayList<>());
  }

  /** Runs what was deferred, in order, and closes the scope. */
  static void runDeferred() {
    List<Runnable> deferred = DEFERRED.get();
    DEFERRED.remove();
    if (deferred != null) {
      deferred.forEach(Runnable::run);
    }
  }

  /** Forgets what was deferred (the attempt rolled back or failed) and closes the scope. */
  static void discard() {
    DEFERRED.remove();
  }
}
