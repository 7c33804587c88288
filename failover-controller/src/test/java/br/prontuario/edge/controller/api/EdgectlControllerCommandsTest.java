package br.prontuario.edge.controller.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.ctl.EdgeCtl;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** edgectl's controller commands against this running controller, through DIR/cluster.json. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgectlControllerCommandsTest {

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ControllerAppFixture.properties(registry);
  }

  @LocalServerPort int port;
  @TempDir Path dir;

  @BeforeEach
  void clusterJson() throws IOException {
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\",\"jwtSecret\":\""
        + Tokens.SECRET + "\",\"controller\":{\"url\":\"http://127.0.0.1:" + port + "\"},\"nodes\":[]}");
  }

  @Test
  void controllerStatusJsonHasStateActiveNodeMetricsUrlAndLastDecision() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      Run run = edgectl("controller", "status", "--json", "--dir", dir.toString());
      assertThat(run.code()).isZero();
      JsonNode status = JsonMapper.shared().readTree(run.out());
      assertThat(status.path("state").asString()).isEqualTo("EMERGENCY_CLOUD");
      assertThat(status.path("activeNode").asString()).isEqualTo("node-a");
      assertThat(status.path("metricsUrl").asString()).endsWith("/metrics");
      assertThat(status.path("lastDecision").path("sequence").asLong()).isPositive();
    });
  }

  @Test
  void controllerStatusForPeopleNamesTheStateAndTheNodes() {
    Run run = edgectl("controller", "status", "--dir", dir.toString());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("state ", "active node", "node          node-a", "last decision");
  }

  @Test
  void historyPrintsOneLinePerDecisionWithItsReasons() {
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      // the whole history: the retried activation adds a decision every 6 rounds (1.2 s here),
      // so on a loaded machine the first one leaves the default newest-20 window
      Run run = edgectl("history", "--limit", "1000", "--dir", dir.toString());
      assertThat(run.code()).isZero();
      assertThat(run.out()).contains("because: every node down on both signals");
    });
  }

  @Test
  void maintenanceOnAndOffAreConfirmed() {
    Run on = edgectl("maintenance", "on", "--dir", dir.toString());
    Run off = edgectl("controller", "maintenance", "off", "--dir", dir.toString());

    assertThat(on.out()).startsWith("maintenance on: automatic decisions paused");
    assertThat(off.out()).startsWith("maintenance off");
  }

  @Test
  void aRefusedSwitchoverIsOneLineOnStderrAndANonZeroExit() {
    Run run = edgectl("switchover", "--to", "node-z", "--dir", dir.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("edgectl: controller refused (409): unknown node node-z; known: node-a, node-b");
  }

  @Test
  void aMissingClusterFolderIsOneLine() {
    Run run = edgectl("controller", "status", "--dir", dir.resolve("nowhere").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("missing cluster.json").doesNotContain("Exception");
  }

  private record Run(int code, String out, String err) {}

  private static Run edgectl(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = EdgeCtl.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }
}
