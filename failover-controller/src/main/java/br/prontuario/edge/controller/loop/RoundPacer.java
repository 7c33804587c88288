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
  private final long timeoutNanos;
  private final LongSupplier monotonicNanos;
  private long lastStart;

  /**
   * @param timeout the probes' timeout
   * @param monotonicNanos {@code System::nanoTime} in production; wall-clock jumps do not reach it
   */
  RoundPacer(Duration interval, Duration timeout, LongSupplier monotonicNanos) {
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
    this.monotonicNanos = monotonicNanos;
  }

  /** A round starts now; returns when, on the monotonic clock. */
  long roundStarts() {
    lastStart = monotonicNanos.getAsLong();
    return lastStart;
  }

  /**
   * When the failures of the round that started last count from, read once its probes answered:
   * its start, unless the round outlasted a probe's timeout. Then the controller itself was
   * paused during it, its probes may have failed only because of that, and they were sent no
   * earlier than one timeout before now; dating them from before the pause would let two more
   * failures make a node "down" right after the controller resumes.
   */
  long failuresCountFrom() {
    return Math.max(lastStart, monotonicNanos.getAsLong() - timeoutNanos);
  }

  /** What is left of the interval since the last round started; zero if it has passed. */
  Duration untilNextRound() {
    long elapsed = monotonicNanos.getAsLong() - lastStart;
    return Duration.ofNanos(Math.max(0, intervalNanos - elapsed));
  }
}
