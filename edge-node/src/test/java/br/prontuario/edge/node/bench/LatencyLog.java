package br.prontuario.edge.node.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Per-operation latency samples (microseconds) and error counts, summarised as percentiles. */
final class LatencyLog {

  private final Map<String, ConcurrentLinkedQueue<Long>> samples = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

  void record(String operation, long micros, int status) {
    samples.computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>()).add(micros);
    if (status < 200 || status >= 300) {
      errors.computeIfAbsent(operation + " " + status, k -> new AtomicLong()).incrementAndGet();
    }
  }

  String report(double seconds) {
    StringBuilder out = new StringBuilder();
    long[] all = samples.values().stream().flatMap(q -> q.stream()).mapToLong(Long::longValue)
        .toArray();
    out.append(String.format("%-14s %9s %9s %9s %9s %9s%n", "operation", "requests", "p50 ms",
        "p95 ms", "p99 ms", "max ms"));
    new TreeMap<>(samples).forEach((op, q) -> out.append(line(op,
        q.stream().mapToLong(Long::longValue).toArray())));
    out.append(line("all", all));
    out.append(String.format("throughput: %.1f requests/s over %.1f s%n", all.length / seconds,
        seconds));
    out.append("non-2xx: ").append(errors.isEmpty() ? "none" : new TreeMap<>(errors)).append('\n');
    return out.toString();
  }

  private static String line(String op, long[] micros) {
    Arrays.sort(micros);
    return String.format("%-14s %9d %9.1f %9.1f %9.1f %9.1f%n", op, micros.length,
        pct(micros, 50), pct(micros, 95), pct(micros, 99),
        micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
