package br.prontuario.edge.controller.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the seed's alert rules the way Prometheus does: a label set whose expression holds is
 * pending, and firing once it has held for the rule's {@code for}; one evaluation without it resets
 * it. Called on every live-view refresh, so "would fire now" matches what Prometheus would say
 * give or take one scrape interval.
 */
final class AlertEvaluator {

  private final List<AlertRule> rules;
  private final Clock clock;
  private final Map<String, Instant> activeSince = new HashMap<>();

  AlertEvaluator(List<AlertRule> rules, Clock clock) {
    this.rules = List.copyOf(rules);
    this.clock = clock;
  }

  /** @param firing false while the condition has held for less than the rule's {@code for} */
  record ActiveAlert(String name, String severity, String instance, String summary, boolean firing,
      Instant since, String runbook) {}

  synchronized List<ActiveAlert> evaluate(MetricReadings readings) {
    Instant now = clock.instant();
    Map<String, Instant> still = new HashMap<>();
    List<ActiveAlert> alerts = new ArrayList<>();
    for (AlertRule rule : rules) {
      for (String instance : rule.firingInstances().apply(readings)) {
        String key = rule.name() + "/" + instance;
        Instant since = activeSince.getOrDefault(key, now);
        still.put(key, since);
        boolean firing = Duration.between(since, now).compareTo(rule.holdFor()) >= 0;
        alerts.add(new ActiveAlert(rule.name(), rule.severity(), instance, rule.summaryFor(instance), firing,
            since, "docs/runbooks/" + rule.name() + ".md"));
      }
    }
    activeSince.clear();
    activeSince.putAll(still);
    return alerts;
  }
}
