package br.prontuario.edge.node.events;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, shared by the webhook and bus relays. */
final class RetryBackoff {

  private RetryBackoff() {}

  /**
   * first × 2^(attempts−1), at most max, less up to half of it at random: retries from many
   * clients spread out instead of arriving together.
   */
  static Duration after(int attempts, Duration first, Duration max) {
    long full = Math.min(max.toMillis(), first.toMillis() << Math.min(attempts - 1, 30));
    return Duration.ofMillis(full - ThreadLocalRandom.current().nextLong(full / 2 + 1));
  }
}
