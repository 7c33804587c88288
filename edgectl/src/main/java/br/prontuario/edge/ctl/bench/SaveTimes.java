package br.prontuario.edge.ctl.bench;

import java.util.List;

/** The seconds from "salvar" to "salvo" of each run, and their median and 95th percentile. */
public record SaveTimes(List<Double> seconds) {

  public SaveTimes {
    if (seconds.isEmpty()) {
      throw new IllegalArgumentException("no run was measured");
    }
    seconds = List.copyOf(seconds);
  }

  public double p50() {
    return percentile(50);
  }

  public double p95() {
    return percentile(95);
  }

  /** Nearest rank: the smallest time at least {@code p} % of the runs did not exceed. */
  double percentile(int p) {
    List<Double> sorted = seconds.stream().sorted().toList();
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
