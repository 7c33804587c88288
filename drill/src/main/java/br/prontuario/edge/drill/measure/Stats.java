package br.prontuario.edge.drill.measure;

import java.util.Collection;
import java.util.Objects;

/** Median, p95 and max over runs. Percentiles by nearest rank: always a value that was observed. */
public record Stats(int count, Double median, Double p95, Double max) {

  public static Stats of(Collection<Double> values) {
    double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
        .sorted().toArray();
    if (sorted.length == 0) {
      return new Stats(0, null, null, null);
    }
    return new Stats(sorted.length, median(sorted), percentile(sorted, 95),
        sorted[sorted.length - 1]);
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Nearest-rank percentile of an ascending array. */
  static double percentile(double[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
