package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The machine's 1-minute load average, sampled every 5 s during a run (Linux /proc/loadavg). */
public final class LoadAverage implements AutoCloseable {

  private final List<Double> samples = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "loadavg");
    t.setDaemon(true);
    return t;
  });

  public LoadAverage() {
    timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
  }

  /** Min, mean and max of the samples; -1 where /proc/loadavg cannot be read. */
  public record Figures(double min, double mean, double max, int cpus) {}

  private void sample() {
    try {
      double one = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
      synchronized (samples) {
        samples.add(one);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: figures stay -1
    }
  }

  public Figures figures() {
    synchronized (samples) {
      int cpus = Runtime.getRuntime().availableProcessors();
      if (samples.isEmpty()) {
        return new Figures(-1, -1, -1, cpus);
      }
      return new Figures(samples.stream().mapToDouble(Double::doubleValue).min().orElse(-1),
          samples.stream().mapToDouble(Double::doubleValue).average().orElse(-1),
          samples.stream().mapToDouble(Double::doubleValue).max().orElse(-1), cpus);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
