package br.prontuario.edge.drill.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies per operation of the mix, and every status that was not 2xx. */
final class MixRecorder {

  private final Map<Operation, Latencies> byOperation = new EnumMap<>(Operation.class);
  private final Map<Integer, AtomicLong> non2xx = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicLong loginFailures = new AtomicLong();

  MixRecorder() {
    for (Operation op : Operation.values()) {
      byOperation.put(op, new Latencies());
    }
  }

  void record(Operation op, long micros, int status) {
    boolean ok = status >= 200 && status < 300;
    byOperation.get(op).record(micros, ok);
    if (!ok) {
      non2xx.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }
  }

  void loginFailed() {
    loginFailures.incrementAndGet();
  }

  long loginFailures() {
    return loginFailures.get();
  }

  Map<String, Long> non2xx() {
    Map<String, Long> out = new LinkedHashMap<>();
    non2xx.forEach((status, n) -> out.put(status == 0 ? "no-answer" : status.toString(), n.get()));
    return out;
  }

  Latencies of(Operation op) {
    return byOperation.get(op);
  }

  /** The operations that pass the filter, together. */
  Latencies combined(java.util.function.Predicate<Operation> filter) {
    Latencies all = new Latencies();
    byOperation.forEach((op, l) -> {
      if (filter.test(op)) {
        all.addAll(l);
      }
    });
    return all;
  }
}
