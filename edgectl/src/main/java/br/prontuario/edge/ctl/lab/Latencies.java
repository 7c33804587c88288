package br.prontuario.edge.ctl.lab;

import java.util.List;

/** Milliseconds by nearest rank: each percentile is a time that was observed. */
record Latencies(int count, Double p50, Double p95, Double p99, Double max) {

  static Latencies of(List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().toList();
    if (sorted.isEmpty()) {
      return new Latencies(0, null, null, null, null);
    }
    return new Latencies(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
        sorted.get(sorted.size() - 1));
  }

  private static double rank(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
