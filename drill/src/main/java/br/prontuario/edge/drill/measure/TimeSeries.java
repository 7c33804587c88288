package br.prontuario.edge.drill.measure;

import br.prontuario.edge.drill.load.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Buckets the clinical requests (writes and reads) by completion time: error rate and latency. */
final class TimeSeries {

  private final Instant start;
  private final Duration bucket;

  TimeSeries(Instant start, Duration bucket) {
    this.start = start;
    this.bucket = bucket;
  }

  List<SeriesPoint> of(List<Attempt> attempts) {
    TreeMap<Long, List<Attempt>> buckets = new TreeMap<>();
    for (Attempt a : attempts) {
      if (a.kind() == Attempt.Kind.SETUP) {
        continue; // login and patient creation before the load: not clinical traffic
      }
      long index = Math.max(0, Duration.between(start, a.doneAt()).toNanos() / bucket.toNanos());
      buckets.computeIfAbsent(index, i -> new ArrayList<>()).add(a);
    }
    List<SeriesPoint> points = new ArrayList<>();
    if (buckets.isEmpty()) {
      return points;
    }
    // empty buckets stay in the series as zero traffic: a silent outage must show as a gap
    for (long i = 0; i <= buckets.lastKey(); i++) {
      points.add(point(i, buckets.getOrDefault(i, List.of())));
    }
    return points;
  }

  private SeriesPoint point(long index, List<Attempt> inBucket) {
    int errors = (int) inBucket.stream().filter(a -> !a.ok()).count();
    double[] millis = inBucket.stream().mapToDouble(a -> a.latency().toNanos() / 1e6).sorted().toArray();
    double p50 = millis.length == 0 ? 0 : Stats.percentile(millis, 50);
    double max = millis.length == 0 ? 0 : millis[millis.length - 1];
    double rate = inBucket.isEmpty() ? 0 : (double) errors / inBucket.size();
    int cloud = (int) inBucket.stream().filter(a -> a.ok() && a.emergency()).count();
    return new SeriesPoint(index * bucket.toNanos() / 1e9, inBucket.size(), errors, rate, p50, max,
        cloud);
  }
}
