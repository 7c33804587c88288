package br.prontuario.edge.node.inference.model;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs native model loading on a thread with a 16 MB stack. ONNX Runtime 1.29's first
 * initialisation in a JVM needs more than 2 MB of stack: on a default 1 MB thread it kills the JVM
 * with SIGSEGV (no exception, no hs_err). Later sessions and runs are fine on ordinary threads.
 */
public final class LargeStack {

  private static final long STACK_BYTES = 16L << 20;

  private LargeStack() {}

  public static <T> T call(String name, Callable<T> work) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        result.set(work.call());
      } catch (Exception e) {
        failure.set(e);
      }
    }, "model-load-" + name, STACK_BYTES);
    thread.start();
    thread.join();
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
