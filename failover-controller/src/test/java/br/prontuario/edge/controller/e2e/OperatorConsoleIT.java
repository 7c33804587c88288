package br.prontuario.edge.controller.e2e;

import static br.prontuario.edge.controller.e2e.ControllerCluster.MOVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.ctl.EdgeCtl;
import br.prontuario.edge.localcluster.config.NodeName;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operators' console (docs/console.md) in Debian's Chromium on a desktop, against the real
 * local cluster and its two controller replicas, logged in with users of the clinical API.
 * Screenshots go to {@code target/screenshots/console-*.png}.
 */
@ExtendWith(ControllerClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorConsoleIT {

  private static final String OPERATOR = "carla.ti";
  private static final String NURSE = "bia.enfermagem";
  private static final String PASSWORD = "console-it-password";
  private static final Duration DRILL = Duration.ofMinutes(10);

  private ConsoleBrowser browser;
  private String console;

  @BeforeAll
  void openBrowser() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    browser = ConsoleBrowser.open(Files.createTempDirectory("console-chromium-"),
        module.resolve("target/screenshots"));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** A failed scenario leaves its page behind for people to look at. */
  @RegisterExtension
  final TestWatcher screenshotOnFailure = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      if (browser != null) {
        browser.screenshot("failed-" + context.getRequiredTestMethod().getName());
      }
    }
  };

  @BeforeEach
  void usersAndTheActingConsole(ControllerCluster c) {
    addUser(c, OPERATOR, "it-ops");
    addUser(c, NURSE, "nurse");
    console = c.acting().url() + "/console/";
  }

  @Test
  void showsBothNodesHealthyWithTheActingReplicaMarked(ControllerCluster c) {
    browser.login(console, OPERATOR, PASSWORD);

    await("node-a active leader, node-b sync standby").atMost(MOVE).until(() ->
        browser.nodeField("node-a", "pg-role").equals("líder") && browser.nodeField("node-b", "pg-role")
            .equals("standby síncrono") && browser.text(By.id("controller-state")).equals("NORMAL"));
    assertThat(browser.nodeField("node-a", "role")).isEqualTo("ativo");
    assertThat(browser.nodeField("node-a", "app")).isEqualTo("pronta");
    assertThat(browser.nodeField("node-b", "app")).isEqualTo("pronta");
    assertThat(browser.nodeField("node-a", "redis")).isEqualTo("master");
    assertThat(browser.text(By.id("operator"))).isEqualTo(OPERATOR);
    assertThat(browser.text(By.id("replica"))).contains(c.acting().identity()).contains("atuante");
    assertThat(browser.text(By.cssSelector("#haproxy tr[data-server='node-a']"))).contains("UP");
    assertThat(browser.text(By.cssSelector("#alerts tr[data-alert='MacStudioDown']"))).contains("inativo");
    assertThat(browser.text(By.cssSelector("#alerts tr[data-alert='AuditChainTampered']")))
        .contains("inativo");
    await("the cloud standby's delay").atMost(MOVE).until(() -> browser.nodeField("cloud", "lag").endsWith(" s"));
    assertThat(browser.nodeField("cloud", "active")).isEqualTo("em espera");
    browser.screenshot("console-live-healthy");
  }

  @Test
  void afterNodeADiesItShowsTheFailoverAndTheDecisionInTheTimeline(ControllerCluster c) {
    browser.login(console, OPERATOR, PASSWORD);
    await().atMost(MOVE).until(() -> browser.nodeField("node-a", "role").equals("ativo"));

    c.cluster.kill(NodeName.NODE_A);

    await("the console shows the failover").atMost(MOVE).until(() ->
        browser.text(By.id("controller-state")).equals("FAILOVER") && browser.text(By.id("active-node")).equals("node-b"));
    await("node-a shown down").atMost(MOVE).until(() -> browser.nodeField("node-a", "role").equals("fora"));
    assertThat(browser.text(By.id("last-decision"))).contains("FAILOVER");
    browser.screenshot("console-live-failover");

    browser.tab("decisoes");
    browser.driver.findElement(By.xpath("//select[@id='f-state']/option[.='FAILOVER']")).click();
    browser.driver.findElement(By.cssSelector("#decision-filters button[type=submit]")).click();
    await("the failover decision listed").atMost(Duration.ofSeconds(30)).until(() ->
        browser.text(By.cssSelector("#decisions li.decision")).contains("→ FAILOVER"));
    String decision = browser.text(By.cssSelector("#decisions li.decision"));
    assertThat(decision).contains("RouteTo node-b").contains("node-a").contains("Observado").contains("Resultado");
    browser.screenshot("console-timeline-failover");
  }

  @Test
  void aPlannedSwitchoverFromTheConsoleMovesTheLeaderAndIsAudited(ControllerCluster c) {
    browser.login(console, OPERATOR, PASSWORD);
    await().atMost(MOVE).until(() -> browser.nodeField("node-b", "pg-role").equals("standby síncrono"));
    browser.tab("acoes");
    await().atMost(MOVE).until(() -> browser.text(By.id("act-switchover")).contains("node-b"));

    browser.driver.findElement(By.id("act-switchover")).click();
    browser.screenshot("console-confirm-switchover");
    String consequence = browser.confirm();

    assertThat(consequence).contains("node-a").contains("node-b");
    await("leader on node-b").atMost(MOVE).until(() -> c.cluster.leader().equals(Optional.of(NodeName.NODE_B)));
    await("audited with the operator's name").atMost(Duration.ofSeconds(30)).until(() ->
        browser.text(By.cssSelector("#audit tbody tr")).contains(OPERATOR)
            && browser.text(By.cssSelector("#audit tbody tr")).contains("switchover to node-b"));
    browser.tab("ao-vivo");
    await().atMost(MOVE).until(() -> browser.nodeField("node-b", "pg-role").equals("líder"));
    browser.tab("acoes");
    browser.screenshot("console-actions-after-switchover");
  }

  @Test
  void aPlannedSwitchoverDrillStartedFromTheConsoleCompletesAndItsReportOpens(ControllerCluster c) {
    browser.login(console, OPERATOR, PASSWORD);
    await().atMost(MOVE).until(() -> browser.nodeField("node-b", "pg-role").equals("standby síncrono"));
    browser.tab("testes");
    WebElement start = browser.shown(By.id("drill-start"));
    await("the replica can start drills").atMost(Duration.ofSeconds(30)).until(start::isEnabled);
    List<String> before = reportIds();
    new Select(browser.driver.findElement(By.id("drill-scenario"))).selectByValue("planned-switchover");

    start.click();
    assertThat(browser.confirm()).contains("carga clínica");

    WebElement job = browser.driver.findElement(By.id("job"));
    // the drill itself (load, switchover, reading every acknowledged write back) bounds this
    await("the drill finished").atMost(DRILL).until(() -> job.getAttribute("data-state"),
        state -> "passed".equals(state) || "failed".equals(state));
    assertThat(job.getAttribute("data-state")).as(job.getText()).isEqualTo("passed");
    assertThat(job.getText()).contains("drill planned-switchover").contains(OPERATOR);
    await("the new report listed").atMost(Duration.ofSeconds(30)).until(() -> reportIds().size() > before.size());
    String report = reportIds().stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
    assertThat(report).endsWith("-planned-switchover");
    By reportRow = By.cssSelector("#drill-history tr[data-report-row='" + report + "']");
    // below the charts: scrolled to, as the operator would, so it is on the screenshot too
    await("its row: 1 of 1 run passed").atMost(Duration.ofSeconds(30)).until(
        () -> browser.scrolledToText(reportRow),
        row -> row.contains("planned-switchover") && row.contains("1/1") && row.contains("passou"));
    browser.screenshot("console-drill-passed");

    String consoleWindow = browser.driver.getWindowHandle();
    browser.driver.findElement(By.cssSelector("#drill-history [data-report='" + report + "']")).click();
    await("the report opens in a new window").atMost(Duration.ofSeconds(30))
        .until(() -> browser.driver.getWindowHandles().size() > 1);
    String reportWindow = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(consoleWindow))
        .findFirst().orElseThrow();
    browser.driver.switchTo().window(reportWindow);
    try {
      await("the report page").atMost(Duration.ofSeconds(30)).ignoreExceptions()
          .until(() -> browser.text(By.tagName("h1")).contains("planned-switchover"));
      browser.screenshot("console-drill-report");
    } finally {
      browser.driver.close();
      browser.driver.switchTo().window(consoleWindow);
    }
  }

  /** Read in one script: the history table is re-rendered whenever a job ends. */
  @SuppressWarnings("unchecked")
  private List<String> reportIds() {
    return (List<String>) browser.driver.executeScript("return Array.from(document.querySelectorAll("
        + "'#drill-history tr[data-report-row]'), r => r.dataset.reportRow);");
  }

  @Test
  void aNursesTokenIsRefused(ControllerCluster c) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(c.acting().url() + "/console/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + NURSE + "\",\"password\":\"" + PASSWORD + "\"}"))
        .build();
    // a fresh cluster's edge-nodes may answer 503 for a moment (Sentinel, pools): the console says so too
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
    await("edge-node takes logins").atMost(MOVE).pollInterval(Duration.ofSeconds(2)).until(() ->
        last.updateAndGet(r -> send(http, request)).statusCode() != 503);
    HttpResponse<String> login = last.get();
    String token = JsonMapper.shared().readTree(login.body()).path("accessToken").asString();
    HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(c.acting().url() + "/api/v1/console/me"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(live.statusCode()).isEqualTo(403);
    assertThat(live.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

    browser.login(console, NURSE, PASSWORD);
    await().atMost(Duration.ofSeconds(30)).until(() -> browser.text(By.id("login-error")).contains("Acesso recusado"));
    assertThat(browser.driver.findElement(By.id("console-view")).isDisplayed()).isFalse();
    browser.screenshot("console-nurse-refused");
  }

  @Test
  void noSeriousOrCriticalAccessibilityViolationsOnAnyTab() {
    browser.login(console, OPERATOR, PASSWORD);
    await().atMost(MOVE).until(() -> browser.nodeField("node-a", "pg-role").equals("líder"));
    List<String> violations = new ArrayList<>(browser.seriousAccessibilityViolations());
    for (String tab : List.of("decisoes", "testes", "acoes")) {
      browser.tab(tab);
      browser.shown(By.cssSelector("#" + tab + " table, #" + tab + " ol"));
      violations.addAll(browser.seriousAccessibilityViolations().stream().map(v -> tab + ": " + v).toList());
      browser.screenshot("console-" + tab);
    }
    browser.driver.findElement(By.id("logout")).click();
    browser.shown(By.id("login-form"));
    violations.addAll(browser.seriousAccessibilityViolations().stream().map(v -> "login: " + v).toList());
    browser.screenshot("console-login");

    assertThat(violations).isEmpty();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** edgectl users add, as IT staff create users; a user left by an earlier test is kept. */
  private static void addUser(ControllerCluster c, String name, String role) {
    InputStream stdin = System.in;
    StringWriter err = new StringWriter();
    System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
    try {
      var cli = EdgeCtl.commandLine();
      cli.setErr(new PrintWriter(err));
      cli.setOut(new PrintWriter(new StringWriter()));
      int code = cli.execute("users", "add", name, "--role", role, "--password-stdin", "--dir",
          c.cluster.stateDir().toString());
      assertThat(code == 0 || err.toString().contains("already exists")).as(err.toString()).isTrue();
    } finally {
      System.setIn(stdin);
    }
  }
}
