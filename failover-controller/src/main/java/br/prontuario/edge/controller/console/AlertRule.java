package br.prontuario.edge.controller.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One rule of {@code k8s/monitoring/prometheus-rules.yaml} as data: which label sets its expression
 * selects now (an instance per node, or "" for a rule without labels) and how long that must last.
 * AlertRulesMatchPrometheusTest keeps these equal to the file.
 */
record AlertRule(String name, String expr, String severity, Duration holdFor, String summary,
    Function<MetricReadings, List<String>> firingInstances) {

  static final double MAX_LAG_SECONDS = 10;

  /** The four rules of the group alta_disponibilidade. */
  static final List<AlertRule> SEED = List.of(
      new AlertRule("MacStudioDown", "up{job=\"mac-studio\"} == 0", "critical", Duration.ofSeconds(30),
          "Mac Studio %s está inativo", r -> instancesWhere(r.up(), v -> v == 0)),
      new AlertRule("DatabaseReplicationLag", "postgresql_replication_lag_seconds > 10", "warning", Duration.ofMinutes(1),
          "Lag replicação PostgreSQL está alto (%s)", r -> instancesWhere(r.lagSeconds(), v -> v > MAX_LAG_SECONDS)),
      new AlertRule("GCPFallbackActivated", "gcp_fallback_active == 1", "critical", Duration.ZERO,
          "Fallback Emergencial GCP Ativado", r -> r.gcpFallbackActive() == 1 ? List.of("") : List.of()),
      new AlertRule("HAClusterDegraded",
          "(count(up{job=\"mac-studio\"} == 1) / count(up{job=\"mac-studio\"})) < 0.5", "critical", Duration.ofMinutes(1),
          "Cluster HA está degradado", r -> lessThanHalfUp(r) ? List.of("") : List.of()));

  String summaryFor(String instance) {
    return summary.formatted(instance);
  }

  private static List<String> instancesWhere(Map<String, Double> values, java.util.function.DoublePredicate test) {
    return values.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
  }

  /** count(up == 1) / count(up) < 0.5; no series at all selects nothing, as in PromQL. */
  private static boolean lessThanHalfUp(MetricReadings r) {
    if (r.up().isEmpty()) {
      return false;
    }
    long up = r.up().values().stream().filter(v -> v == 1).count();
    return (double) up / r.up().size() < 0.5;
  }
}
