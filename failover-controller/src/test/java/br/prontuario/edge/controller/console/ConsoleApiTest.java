package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.controller.api.ControllerAppFixtureAccess;
import br.prontuario.edge.controller.api.ControllerAppFixtureAccess.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console against the controller app watching two nodes that do not answer (both go down):
 * who gets in, what the live stream carries, the timeline's filters, audited refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleApiTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ControllerAppFixtureAccess.properties(registry);
    registry.add("edge.console.refresh", () -> "200ms");
  }

  @LocalServerPort int port;

  private static String itOps() {
    return ConsoleTokens.bearer(ControllerAppFixtureAccess.secret(), "ana.ti", "it-ops");
  }

  @Test
  void aNursesTokenIsRefusedWithA403Problem() {
    Reply reply = send("GET", "/api/v1/console/me",
        ConsoleTokens.bearer(ControllerAppFixtureAccess.secret(), "bia", "nurse"), null);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(json(reply).path("detail").asString()).contains("it-ops");
  }

  @Test
  void theLiveStreamRefusesARequestWithoutAToken() {
    assertThat(send("GET", "/api/v1/console/live", null, null).status()).isEqualTo(401);
  }

  @Test
  void anItOpsTokenNamesTheOperator() {
    Reply reply = send("GET", "/api/v1/console/me", itOps(), null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(json(reply).path("operator").asString()).isEqualTo("ana.ti");
  }

  @Test
  void thePageAndTheChartLibraryAreServedWithoutAToken() {
    Reply page = send("GET", "/console/", null, null);
    Reply echarts = send("GET", "/webjars/echarts/5.3.1/dist/echarts.min.js", null, null);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Console de operações").contains("console.js");
    assertThat(echarts.status()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts");
  }

  @Test
  void theLiveStreamCarriesBothNodesTheControllerAndTheAlertsWithoutPatientData() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/console/live"))
        .header("Authorization", itOps()).timeout(Duration.ofSeconds(20)).build();
    HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    JsonNode snapshot;
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      snapshot = firstSnapshot(lines);
    }

    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    assertThat(snapshot.path("nodes").findValuesAsString("name")).containsExactly("node-a", "node-b");
    assertThat(snapshot.path("controller").path("replica").asString()).isNotBlank();
    assertThat(snapshot.path("controller").path("acting").asBoolean()).isTrue();
    assertThat(snapshot.path("cloud").path("configured").asBoolean()).isFalse();
    assertThat(snapshot.toString()).doesNotContain("patient").doesNotContain("cpf");
  }

  @Test
  void bothNodesDownShowsTheMacStudioDownAlertPendingBeforeItsThirtySeconds() throws Exception {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode snapshot = snapshotNow();
      assertThat(snapshot.path("alerts").findValuesAsString("name")).contains("MacStudioDown", "HAClusterDegraded");
    });
    JsonNode macStudioDown = null;
    for (JsonNode a : snapshotNow().path("alerts")) {
      if (a.path("name").asString().equals("MacStudioDown")) {
        macStudioDown = a;
      }
    }
    assertThat(macStudioDown).isNotNull();
    assertThat(macStudioDown.path("severity").asString()).isEqualTo("critical");
    assertThat(macStudioDown.path("instance").asString()).isIn("node-a", "node-b");
  }

  @Test
  void theTimelineFiltersByStateAndTime() {
    await().atMost(Duration.ofSeconds(30)).until(() -> json(send("GET",
        "/api/v1/console/decisions?state=EMERGENCY_CLOUD", itOps(), null)).size() > 0);

    JsonNode emergency = json(send("GET", "/api/v1/console/decisions?state=EMERGENCY_CLOUD", itOps(), null));
    JsonNode future = json(send("GET", "/api/v1/console/decisions?since="
        + Instant.now().plus(Duration.ofDays(1)), itOps(), null));
    Reply unreadable = send("GET", "/api/v1/console/decisions?since=yesterday", itOps(), null);

    for (JsonNode e : emergency) {
      assertThat(java.util.List.of(e.path("from").asString(), e.path("to").asString())).contains("EMERGENCY_CLOUD");
    }
    assertThat(future.size()).isZero();
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aRefusedSwitchoverIsAuditedWithTheOperatorsName() {
    Reply reply = send("POST", "/api/v1/console/actions/switchover", itOps(), "{\"to\":\"node-z\"}");

    assertThat(reply.status()).isEqualTo(409);
    JsonNode audit = json(send("GET", "/api/v1/console/audit", itOps(), null));
    assertThat(audit.get(0).path("operator").asString()).isEqualTo("ana.ti");
    assertThat(audit.get(0).path("action").asString()).isEqualTo("switchover to node-z");
    assertThat(audit.get(0).path("phase").asString()).isEqualTo("refused");
    assertThat(audit.get(1).path("phase").asString()).isEqualTo("requested");
  }

  @Test
  void withoutAClusterFileOnlyTheSafeDrillsAreOfferedAndNoneStartsWithoutEdgectl() {
    JsonNode drills = json(send("GET", "/api/v1/console/drills", itOps(), null));
    Reply unsafe = send("POST", "/api/v1/console/drills", itOps(), "{\"scenario\":\"primary-crash\"}");
    Reply safe = send("POST", "/api/v1/console/drills", itOps(),
        "{\"scenario\":\"planned-switchover\"}");

    assertThat(drills.path("production").asBoolean()).isTrue();
    assertThat(drills.path("allowed").findValuesAsString("id"))
        .containsExactly("health-check-validation", "planned-switchover");
    assertThat(unsafe.status()).isEqualTo(409);
    assertThat(json(unsafe).path("detail").asString()).contains("not allowed");
    assertThat(safe.status()).isEqualTo(409);
    assertThat(json(safe).path("detail").asString()).contains("no edgectl");
  }

  @Test
  void aLoginWithNoNodeAnsweringIsA503Problem() {
    Reply reply = send("POST", "/console/auth/login", null,
        "{\"username\":\"ana.ti\",\"password\":\"whatever-it-is\"}");

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  private JsonNode snapshotNow() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/console/live"))
        .header("Authorization", itOps()).timeout(Duration.ofSeconds(20)).build();
    HttpResponse<java.io.InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      return firstSnapshot(lines);
    }
  }

  private static JsonNode firstSnapshot(BufferedReader lines) throws IOException {
    boolean snapshot = false;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.equals("event:snapshot")) {
        snapshot = true;
      } else if (snapshot && line.startsWith("data:")) {
        return JsonMapper.shared().readTree(line.substring(5));
      }
    }
    throw new AssertionError("the stream ended without a snapshot");
  }

  private Reply send(String method, String path, String authorization, String json) {
    return ControllerAppFixtureAccess.call(port, method, path, authorization, json);
  }

  private static JsonNode json(Reply reply) {
    return JsonMapper.shared().readTree(reply.body());
  }
}
