package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The console evaluates exactly the rules Prometheus is given: same names, expressions, for, severity. */
class AlertRulesMatchPrometheusTest {

  @Test
  void theConsolesRulesAreTheRulesOfThePrometheusRuleFileInItsOrder() {
    JsonNode file = new YAMLMapper().readTree(Path.of(System.getProperty("user.dir"))
        .resolveSibling("k8s").resolve("monitoring").resolve("prometheus-rules.yaml").toFile());
    List<JsonNode> rules = new ArrayList<>();
    file.path("spec").path("groups").forEach(g -> g.path("rules").forEach(rules::add));

    assertThat(rules).hasSize(AlertRule.ALL.size());
    for (int i = 0; i < rules.size(); i++) {
      JsonNode rule = rules.get(i);
      AlertRule ours = AlertRule.ALL.get(i);
      assertThat(ours.name()).isEqualTo(rule.path("alert").asString());
      assertThat(ours.expr()).as(ours.name()).isEqualTo(rule.path("expr").asString());
      assertThat(ours.severity()).as(ours.name()).isEqualTo(rule.path("labels").path("severity").asString());
      assertThat(ours.holdFor()).as(ours.name()).isEqualTo(promDuration(rule.path("for").asString()));
    }
  }

  private static Duration promDuration(String text) {
    long n = Long.parseLong(text.substring(0, text.length() - 1));
    return switch (text.charAt(text.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> throw new IllegalArgumentException("unexpected duration " + text);
    };
  }
}
