package br.prontuario.edge.controller.decision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; {@link #monotonicNanos} moves with it, like System.nanoTime. */
public final class MutableClock extends Clock {

  private Instant now;
  private long monotonicNanos;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public void advance(Duration by) {
    now = now.plus(by);
    monotonicNanos += by.toNanos();
  }

  public long monotonicNanos() {
    return monotonicNanos;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
