package br.prontuario.edge.localcluster.cloud;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polling with a deadline for the launch and activation steps (not for tests: Awaitility). */
final class Waits {

  private Waits() {}

  static boolean until(BooleanSupplier condition, Duration timeout, long pollMillis) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      pause(pollMillis);
    }
    return condition.getAsBoolean();
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
