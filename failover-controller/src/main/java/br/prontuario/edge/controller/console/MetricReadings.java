package br.prontuario.edge.controller.console;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The series the alert rules read, taken from the controller's own meter registry (the same values
 * Prometheus scrapes at /metrics), and the moment they were read (PromQL's {@code time()}).
 *
 * @param up {@code up{job="mac-studio"}} by instance
 * @param lagSeconds {@code postgresql_replication_lag_seconds} by instance
 * @param gcpFallbackActive {@code gcp_fallback_active}
 * @param restoreDrillPassedAt {@code last_restore_drill_passed_timestamp_seconds} (0: none known);
 *     null when the series is absent
 */
record MetricReadings(Instant at, Map<String, Double> up, Map<String, Double> lagSeconds, double gcpFallbackActive,
    Double restoreDrillPassedAt, Map<String, Double> auditAnchorMismatch) {

  MetricReadings {
    up = Map.copyOf(up);
    lagSeconds = Map.copyOf(lagSeconds);
    auditAnchorMismatch = Map.copyOf(auditAnchorMismatch);
  }

  static MetricReadings from(MeterRegistry registry, Instant at) {
    Map<String, Double> up = byInstance(registry.find("up").tag("job", "mac-studio").gauges());
    Map<String, Double> lag = byInstance(registry.find("postgresql.replication.lag.seconds").gauges());
    Gauge gcp = registry.find("gcp.fallback.active").gauge();
    Gauge restorePassed = registry.find("last.restore.drill.passed.timestamp.seconds").gauge();
    Map<String, Double> audit = byInstance(registry.find("audit.anchor.mismatch").gauges());
    return new MetricReadings(at, up, lag, gcp == null ? 0 : gcp.value(),
        restorePassed == null ? null : restorePassed.value(), audit);
  }

  private static Map<String, Double> byInstance(Iterable<Gauge> gauges) {
    Map<String, Double> values = new TreeMap<>();
    for (Gauge g : gauges) {
      values.put(g.getId().getTag("instance"), g.value());
    }
    return values;
  }
}
