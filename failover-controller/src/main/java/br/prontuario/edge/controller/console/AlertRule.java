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

  /** The restore drill runs monthly (issue 20); 35 days leave five for a missed or failed run. */
  static final Duration RESTORE_DRILL_MAX_AGE = Duration.ofDays(35);

  /**
   * The rules of the file in its order: the seed's four (group alta_disponibilidade), then the
   * restore drill's (group backup, issue 20), then the audit anchor's (group auditoria, issue 15).
   */
  static final List<AlertRule> ALL = List.of(
      new AlertRule("MacStudioDown", "up{job=\"mac-studio\"} == 0", "critical", Duration.ofSeconds(30),
          "Mac Studio %s está inativo", r -> instancesWhere(r.up(), v -> v == 0)),
      new AlertRule("DatabaseReplicationLag", "postgresql_replication_lag_seconds > 10", "warning", Duration.ofMinutes(1),
          "Lag replicação PostgreSQL está alto (%s)", r -> instancesWhere(r.lagSeconds(), v -> v > MAX_LAG_SECONDS)),
      new AlertRule("GCPFallbackActivated", "gcp_fallback_active == 1", "critical", Duration.ZERO,
          "Fallback Emergencial GCP Ativado", r -> r.gcpFallbackActive() == 1 ? List.of("") : List.of()),
      new AlertRule("HAClusterDegraded",
          "(count(up{job=\"mac-studio\"} == 1) / count(up{job=\"mac-studio\"})) < 0.5", "critical", Duration.ofMinutes(1),
          "Cluster HA está degradado", r -> lessThanHalfUp(r) ? List.of("") : List.of()),
      new AlertRule("RestoreDrillOverdue",
          "time() - max(last_restore_drill_passed_timestamp_seconds) > 35 * 24 * 3600"
              + " or absent(last_restore_drill_passed_timestamp_seconds)", "warning", Duration.ofHours(1),
          "Nenhum drill de restauração passou nos últimos 35 dias",
          r -> restoreDrillOverdue(r) ? List.of("") : List.of()),
      new AlertRule("AuditChainTampered", "audit_anchor_mismatch == 1", "critical", Duration.ZERO,
          "Cadeia de auditoria de %s não confere com a âncora",
          r -> instancesWhere(r.auditAnchorMismatch(), v -> v == 1)));

  String summaryFor(String instance) {
    return summary.formatted(instance);
  }

  private static List<String> instancesWhere(Map<String, Double> values, java.util.function.DoublePredicate test) {
    return values.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).sorted().toList();
  }

  /** Absent, 0 (none known) or older than 35 days; this replica's series is the max() of one. */
  private static boolean restoreDrillOverdue(MetricReadings r) {
    if (r.restoreDrillPassedAt() == null) {
      return true;
    }
    double ageSeconds = r.at().toEpochMilli() / 1000.0 - r.restoreDrillPassedAt();
    return ageSeconds > RESTORE_DRILL_MAX_AGE.toSeconds();
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
