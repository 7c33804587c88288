package br.prontuario.edge.controller.api;

import static br.prontuario.edge.controller.api.ControllerAppFixture.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.controller.api.ControllerAppFixture.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ControllerApiTest {

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ControllerAppFixture.properties(registry);
  }

  @LocalServerPort int port;
  @Autowired JsonMapper json;

  @Test
  void statusWithoutATokenIsA401Problem() {
    Reply reply = call(port, "GET", "/api/v1/status", null, null);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(json.readTree(reply.body()).path("correlationId").asString()).isNotBlank();
  }

  @Test
  void aPhysicianTokenIsForbidden() {
    Reply reply = call(port, "GET", "/api/v1/status",
        Tokens.bearer(Tokens.SECRET, "physician", Duration.ofMinutes(5)), null);

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRejected() {
    String other = java.util.Base64.getEncoder().encodeToString("another-secret-that-is-32-bytes-long".getBytes());
    Reply reply = call(port, "GET", "/api/v1/status",
        Tokens.bearer(other, "it-ops", Duration.ofMinutes(5)), null);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRejected() {
    Reply reply = call(port, "GET", "/api/v1/status",
        Tokens.bearer(Tokens.SECRET, "it-ops", Duration.ofMinutes(-1)), null);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void statusShowsStateActiveNodeMetricsUrlAndLastDecision() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode status = json.readTree(call(port, "GET", "/api/v1/status", Tokens.itOps(), null).body());
      assertThat(status.path("state").asString()).isEqualTo("EMERGENCY_CLOUD");
      assertThat(status.path("metricsUrl").asString()).isEqualTo("http://127.0.0.1:" + port + "/metrics");
      assertThat(status.path("lastDecision").path("to").asString()).isEqualTo("EMERGENCY_CLOUD");
      assertThat(status.has("activeNode")).isTrue();
    });
    Reply history = call(port, "GET", "/api/v1/history", Tokens.itOps(), null);
    assertThat(history.body()).contains("every node down on both signals");
  }

  @Test
  void switchoverToAnUnknownNodeIsA409ProblemAndChangesNothing() {
    Reply reply = call(port, "POST", "/api/v1/switchover", Tokens.itOps(), "{\"to\":\"node-z\"}");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).contains("unknown node node-z");
  }

  @Test
  void aSwitchoverWithoutATargetIsA400() {
    Reply reply = call(port, "POST", "/api/v1/switchover", Tokens.itOps(), "{}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void drillResultsBecomeMetricsPerScenario() {
    Reply posted = call(port, "POST", "/api/v1/drills/results", Tokens.itOps(),
        "{\"scenario\":\"primary-crash\",\"rtoSeconds\":12.5,\"lostAcknowledgedWrites\":0,"
            + "\"duplicatedWrites\":1,\"rpoSeconds\":0.0,\"passed\":true,\"finishedAt\":\"2026-11-25T03:00:00Z\"}");
    Reply scrape = call(port, "GET", "/metrics", null, null);

    assertThat(posted.status()).isEqualTo(202);
    assertThat(scrape.body()).contains("last_drill_rto_seconds{scenario=\"primary-crash\"} 12.5");
    assertThat(scrape.body()).contains("last_drill_lost_writes{scenario=\"primary-crash\"} 0.0");
    assertThat(scrape.body()).contains("last_drill_duplicated_writes{scenario=\"primary-crash\"} 1.0");
  }

  @Test
  void theRestoreDrillsResultsBecomeItsOwnSeries() {
    Reply passed = call(port, "POST", "/api/v1/drills/results", Tokens.itOps(),
        "{\"scenario\":\"restore\",\"lostAcknowledgedWrites\":0,\"rpoSeconds\":26.4,"
            + "\"restoreSeconds\":37.1,\"passed\":true,\"finishedAt\":\"2026-12-01T11:09:00Z\"}");
    String afterPass = call(port, "GET", "/metrics", null, null).body();
    Reply failed = call(port, "POST", "/api/v1/drills/results", Tokens.itOps(),
        "{\"scenario\":\"restore\",\"lostAcknowledgedWrites\":2,\"rpoSeconds\":58.6,"
            + "\"restoreSeconds\":41.5,\"passed\":false,\"finishedAt\":\"2026-12-01T11:13:00Z\"}");
    String afterFailure = call(port, "GET", "/metrics", null, null).body();

    assertThat(passed.status()).isEqualTo(202);
    assertThat(afterPass).contains("last_restore_drill_success 1.0", "last_restore_drill_restore_duration_seconds 37.1",
        "last_restore_drill_archive_lag_seconds 26.4");
    assertThat(failed.status()).isEqualTo(202);
    assertThat(afterFailure).contains("last_restore_drill_success 0.0", "last_restore_drill_restore_duration_seconds 41.5")
        .doesNotContain("scenario=\"restore\"");
    assertThat(seriesValue(afterFailure, "last_restore_drill_passed_timestamp_seconds"))
        .isEqualTo(seriesValue(afterPass, "last_restore_drill_passed_timestamp_seconds")).isPositive();
  }

  private static double seriesValue(String scrape, String series) {
    return java.util.Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip())).findFirst().orElseThrow();
  }

  @Test
  void aDrillResultWithAnInvalidScenarioIsA400() {
    Reply posted = call(port, "POST", "/api/v1/drills/results", Tokens.itOps(),
        "{\"scenario\":\"Bad Name!\",\"lostAcknowledgedWrites\":0,\"passed\":true}");

    assertThat(posted.status()).isEqualTo(400);
  }

  @Test
  void statusNamesEachNodesRole() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode status = json.readTree(call(port, "GET", "/api/v1/status", Tokens.itOps(), null).body());
      assertThat(status.path("nodes").path(0).path("role").asString()).isIn("active", "standby", "down");
      assertThat(status.path("nodes").path(1).path("status").asString()).isEqualTo("DOWN");
    });
  }

  @Test
  void maintenanceModeIsShownInStatusAndRecordedInHistory() {
    Reply on = call(port, "PUT", "/api/v1/maintenance", Tokens.itOps(), "{\"enabled\":true}");
    assertThat(json.readTree(on.body()).path("maintenance").asBoolean()).isTrue();

    Reply history = call(port, "GET", "/api/v1/history?limit=100", Tokens.itOps(), null);
    assertThat(history.body()).contains("maintenance mode on");

    Reply off = call(port, "PUT", "/api/v1/maintenance", Tokens.itOps(), "{\"enabled\":false}");
    assertThat(json.readTree(off.body()).path("maintenance").asBoolean()).isFalse();
  }
}
