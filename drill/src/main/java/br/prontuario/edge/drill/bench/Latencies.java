package br.prontuario.edge.drill.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every latency of one kind, in microseconds, and the percentiles of them (nearest rank). */
public final class Latencies {

  private final List<Long> micros = new ArrayList<>();
  private long failures;

  public synchronized void record(long latencyMicros, boolean ok) {
    micros.add(latencyMicros);
    if (!ok) {
      failures++;
    }
  }

  public synchronized void addAll(Latencies other) {
    synchronized (other) {
      micros.addAll(other.micros);
      failures += other.failures;
    }
  }

  /** The figures of one operation over a measured period. */
  public record Summary(long count, long failures, double perSecond, double p50Ms, double p95Ms,
      double p99Ms, double maxMs) {}

  public synchronized Summary summary(double seconds) {
    long[] sorted = micros.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return new Summary(sorted.length, failures, sorted.length / seconds, ms(sorted, 0.50),
        ms(sorted, 0.95), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0);
  }

  static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
  }
}
