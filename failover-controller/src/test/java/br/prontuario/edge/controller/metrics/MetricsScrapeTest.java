package br.prontuario.edge.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.api.ControllerAppFixtureAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The scrape output has exactly the series names the seed's alert rules read. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MetricsScrapeTest {

  /** PromQL words in the rules that are not series: functions, operators, keywords. */
  private static final Set<String> NOT_SERIES = Set.of("count", "sum", "avg", "min", "max", "by", "on",
      "without", "and", "or", "unless", "bool", "rate", "increase", "absent", "time");

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ControllerAppFixtureAccess.properties(registry);
  }

  @LocalServerPort int port;

  @Test
  void rendersTheSeriesTheAlertsReadUnderTheirExactNames() {
    String scrape = scrape();

    assertThat(scrape).contains("up{instance=\"node-a\",job=\"mac-studio\"}",
        "up{instance=\"node-b\",job=\"mac-studio\"}",
        "postgresql_replication_lag_seconds{instance=\"node-a\"}",
        "gcp_fallback_active ", "controller_state{state=\"NORMAL\"}", "failovers_total ",
        "last_failover_duration_seconds ", "last_restore_drill_passed_timestamp_seconds 0.0",
        "audit_anchor_mismatch{instance=\"node-a\"} 0.0");
  }

  @Test
  void everyMetricEachAlertRuleReadsIsExported() throws IOException {
    Set<String> exported = exportedNames(scrape());
    JsonNode rules = new YAMLMapper().readTree(Files.readString(rulesFile()));
    List<JsonNode> alerts = new java.util.ArrayList<>();
    rules.path("spec").path("groups").forEach(group -> group.path("rules").forEach(alerts::add));

    assertThat(alerts).extracting(a -> a.path("alert").asString()).containsExactly("MacStudioDown",
        "DatabaseReplicationLag", "GCPFallbackActivated", "HAClusterDegraded", "RestoreDrillOverdue",
        "AuditChainTampered");
    for (JsonNode alert : alerts) {
      Set<String> read = seriesIn(alert.path("expr").asString());
      assertThat(read).as(alert.path("alert").asString()).isNotEmpty();
      assertThat(exported).as("series read by " + alert.path("alert").asString()).containsAll(read);
    }
  }

  static Set<String> seriesIn(String expr) {
    String withoutLabels = expr.replaceAll("\\{[^}]*}", " ").replaceAll("\"[^\"]*\"", " ");
    Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(withoutLabels);
    Set<String> names = new LinkedHashSet<>();
    while (m.find()) {
      if (!NOT_SERIES.contains(m.group())) {
        names.add(m.group());
      }
    }
    return names;
  }

  private static Set<String> exportedNames(String scrape) {
    Set<String> names = new LinkedHashSet<>();
    for (String line : scrape.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.split("[{ ]", 2)[0]);
      }
    }
    return names;
  }

  private static Path rulesFile() {
    Path module = Path.of(System.getProperty("user.dir"));
    return module.resolveSibling("k8s").resolve("monitoring").resolve("prometheus-rules.yaml");
  }

  private String scrape() {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return response.body();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

}
