package br.prontuario.edge.controller.loop;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When the next probe round may start: one interval after the last one started, never sooner,
 * measured on the monotonic clock. A fixed-rate schedule runs the rounds missed during a pause
 * (GC, SIGSTOP, a stalled VM) back to back once the process resumes, which turned "3 failures 5 s
 * apart" into 3 failures within 2 s; a fixed delay would let a round that waits out a hung node's
 * timeout push every later round back. Not thread-safe: the loop's single thread owns it.
 */
final class RoundPacer {

  private final long intervalNanos;
  private final LongSupplier monotonicNanos;
  private long lastStart;

  /** @param monotonicNanos {@code System::nanoTime} in production; wall-clock jumps do not reach it */
  RoundPacer(Duration interval, LongSupplier monotonicNanos) {
    this.intervalNanos = interval.toNanos();
    this.monotonicNanos = monotonicNanos;
  }

  /** A round starts now; returns when, on the monotonic clock. */
  long roundStarts() {
    lastStart = monotonicNanos.getAsLong();
    return lastStart;
  }

  /** What is left of the interval since the last round started; zero if it has passed. */
  Duration untilNextRound() {
    long elapsed = monotonicNanos.getAsLong() - lastStart;
    return Duration.ofNanos(Math.max(0, intervalNanos - elapsed));
  }
}
