package br.prontuario.edge.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.drill.load.ApiResponse;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.testsupport.browser.IphoneBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The clinicians' app in a real browser (Chromium as an iPhone) against the real local cluster
 * over HTTPS, on the shared cluster of the scenario ITs (two controllers, the cloud site),
 * restored before each scenario: (1) normal use, (2) the active node dies under a note being
 * saved, (3) both nodes down → emergency mode in the cloud. One phone for the class, signed in
 * once; each scenario opens its own chart. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(ControllerClusterExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClinicianAppClusterIT {

  private static final Duration FAILOVER = Duration.ofSeconds(150);
  private static final Duration SCREEN = Duration.ofSeconds(30);
  private static final String PATIENT = "Benedita Navegadora";

  private ControllerCluster c;
  private IphoneBrowser phone;
  private EdgeApi api;
  private String patientId;
  private Path profile;

  @BeforeAll
  void openPhone(ControllerCluster shared) throws Exception {
    c = shared;
    api = c.api();
    // a fresh cluster may still answer 503 for a moment (Sentinel, pools); one key = one patient
    String key = UUID.randomUUID().toString();
    ApiResponse[] created = new ApiResponse[1];
    await("the patient created").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2))
        .until(() -> (created[0] = api.createPatient(PATIENT, "1961-07-14", "female", key)).ok());
    patientId = created[0].createdId();
    profile = Files.createTempDirectory("edge-app-chromium-");
    phone = IphoneBrowser.Setup.plain().trusting(c.cluster.tls().serverCertificate())
        .profile(profile).open();
  }

  @AfterAll
  void closePhone() throws Exception {
    if (phone != null) {
      phone.close();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void aPhysicianLogsInFindsThePatientAndWritesANoteOverHttps() {
    phone.open(c.cluster.layout().entrypoint() + "/");
    signIn();

    phone.type(By.id("search"), "benedita nav");
    phone.tap(By.id("search-submit"));
    phone.tap(By.cssSelector("a[href='#/paciente/" + patientId + "']"));
    assertThat(phone.find(By.id("patient-name"), SCREEN).getText()).isEqualTo(PATIENT);
    phone.screenshot("1-chart");

    writeNote("Paciente estável, deambulando. (1)");
    awaitSaved("Paciente estável, deambulando. (1)", SCREEN);
    assertThat(phone.bannerMode()).isEqualTo("normal");
    phone.screenshot("1-note-saved");
    assertThat(notesWithText("Paciente estável, deambulando. (1)")).isEqualTo(1);
  }

  @Test
  void aNoteTappedWhileTheActiveNodeDiesIsOnTheChartExactlyOnceAfterTheFailover() {
    NodeName active = c.cluster.leader().orElseThrow();
    String text = "Nota escrita durante a queda do servidor (2).";
    openChart();
    phone.recordBanner();

    // hung first (its sockets still accept the request), then killed: the note is never acknowledged there
    c.cluster.freeze(active);
    writeNote(text);
    // the app's request times out against the hung node: the note waits in the outbox, retried
    await().atMost(Duration.ofSeconds(60)).until(() -> phone.bannerModes().contains("reconnecting"));
    phone.screenshot("2-pending-reconnecting");
    c.cluster.kill(active);

    awaitSaved(text, FAILOVER);
    await().atMost(SCREEN).until(() -> "normal".equals(phone.bannerMode()));
    phone.screenshot("2-saved-after-failover");
    assertThat(phone.bannerModes()).startsWith("normal").contains("reconnecting").endsWith("normal");
    assertThat(phone.all(By.xpath("//ul[@id='notes']//div[@class='note-text'][.='" + text + "']"))).hasSize(1);
    assertThat(notesWithText(text)).as("the server holds the note exactly once").isEqualTo(1);
  }

  @Test
  void withBothNodesDownTheCloudServesTheAppInEmergencyModeWithItsLimitedFeatures() {
    openChart();
    c.cluster.kill(NodeName.NODE_B);
    c.cluster.kill(NodeName.NODE_A);
    // the controller activates the cloud; the clinician reopens the app until the cloud answers
    // (a reload: the same URL with a fragment would not even leave the page); a chart that was
    // asked for in normal mode just as the cloud took over offers "Tentar de novo": tapped
    await().atMost(FAILOVER).pollInterval(Duration.ofSeconds(3)).ignoreExceptions().until(() -> {
      if (!"emergency".equals(phone.bannerMode())) {
        phone.reload();
      } else if (phone.all(By.id("patient-name")).isEmpty()) {
        phone.all(By.xpath("//button[.='Tentar de novo']")).forEach(b -> b.click());
      }
      return "emergency".equals(phone.bannerMode()) && !phone.all(By.id("patient-name")).isEmpty();
    });
    assertThat(phone.bannerText()).startsWith("MODO DE EMERGÊNCIA — nuvem, funções reduzidas");
    assertThat(phone.find(By.id("patient-name"), SCREEN).getText()).isEqualTo(PATIENT);
    // dictation, vital signs and allergies are disabled there, with the one-line reason
    assertThat(phone.all(By.cssSelector("nav.actions button[disabled]"))).hasSize(3);
    assertThat(phone.find(By.id("actions-reason"), SCREEN).getText()).contains("Modo de emergência");
    assertThat(phone.all(By.cssSelector("nav.actions a[href$='/nota']"))).hasSize(1);
    phone.screenshot("3-emergency-chart");
  }

  /**
   * Issue 18: the lab system sends an ORU^R01 through the entry's MLLP port (TLS, its token in
   * MSH-8): ACK AA, its event reaches the Kafka topic, and the demo patient's chart shows the
   * results with the critical one marked.
   */
  @Test
  void aLabResultSentThroughTheEntryIsAcknowledgedAndOnThePatientsChart() throws Exception {
    Path repo = Path.of(System.getProperty("user.dir")).getParent();
    String sample = Files.readString(repo.resolve("docs/samples/oru-r01-potassium.hl7"));
    String controlId = "LIS-" + UUID.randomUUID().toString().substring(0, 8);
    Path message = Files.writeString(profile.resolve("oru.hl7"), sample.replace("LIS-000001", controlId));
    Path otherLab = Files.writeString(profile.resolve("oru-other.hl7"), sample
        .replace("|LIS|HOSP|", "|LIS|OTHER|").replace("LIS-000001", controlId + "-X"));
    String[] cluster = {"--dir", c.cluster.stateDir().toString(), "--config",
        repo.resolve("config/edge-cluster.yaml").toString()};
    // a webhook subscriber that never answers: the result's event is owed to it too
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("a-secret-of-sixteen+\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      Cli subscribed = Cli.run("events", "subscribe", "never-there", "--url", "http://127.0.0.1:9/hook",
          "--secret-stdin", cluster[0], cluster[1]);
      assertThat(subscribed.code()).as(subscribed.err()).isZero();
    } finally {
      System.setIn(stdin);
    }

    Cli sent = Cli.run("lab", "send", message.toString(), cluster[0], cluster[1], cluster[2], cluster[3]);
    assertThat(sent.code()).as(sent.err()).isZero();
    assertThat(sent.out().strip()).isEqualTo("AA " + controlId);
    // and on the bus: the outbox relay published the result's event to the brokers (mTLS)
    await("the lab result on the Kafka topic").atMost(SCREEN).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Cli tail = Cli.run("events", "tail", "--bus", "--json", "--type", "lab-result.created", "--lines", "1000",
          cluster[0], cluster[1]);
      return tail.code() == 0 && tail.out().contains("\"resourceId\":\"" + controlId + "\"");
    });
    // a device on the network without a client certificate gets nothing from the brokers
    var bus = c.cluster.descriptor().bus();
    var noCertificate = br.prontuario.edge.site.bus.BusConnection.settings(bus.bootstrapServers(), "stranger",
        bus.caCertificate(), null);
    noCertificate.put("default.api.timeout.ms", 10_000);
    noCertificate.put("request.timeout.ms", 5_000);
    try (org.apache.kafka.clients.admin.Admin stranger = org.apache.kafka.clients.admin.Admin.create(noCertificate)) {
      assertThatThrownBy(() -> stranger.listTopics().names().get(15, java.util.concurrent.TimeUnit.SECONDS))
          .as("listing topics without a client certificate")
          .isInstanceOfAny(java.util.concurrent.ExecutionException.class, java.util.concurrent.TimeoutException.class);
    }
    // unsubscribed with the event still owed: the delivery goes dead, and the dead letter reaches
    // the bus's dead-letter topic, where monitoring on the bus reads it
    assertThat(Cli.run("events", "unsubscribe", "never-there", cluster[0], cluster[1]).code()).isZero();
    await("the dead delivery on the dead-letter topic").atMost(SCREEN).pollInterval(Duration.ofSeconds(1)).until(() -> {
      Cli dead = Cli.run("events", "dlq", "list", "--bus", "--json", "--subscriber", "never-there",
          cluster[0], cluster[1]);
      return dead.code() == 0 && dead.out().contains("\"type\":\"lab-result.created\"")
          && dead.out().contains("\"lastError\":\"unsubscribed\"");
    });
    // a lab system the cluster does not know: AR, nothing written
    Cli refused = Cli.run("lab", "send", otherLab.toString(), cluster[0], cluster[1], cluster[2], cluster[3]);
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("edgectl: not accepted: AR " + controlId + "-X");
    // the entry speaks TLS only: a clear-text MLLP client gets no acknowledgment
    String labPort = c.cluster.layout().labEntries().get(0).split(":")[1];
    Cli clear = Cli.run("lab", "send", message.toString(), "--port", labPort, "--timeout", "5");
    assertThat(clear.code()).isEqualTo(1);

    phone.open(c.cluster.layout().entrypoint() + "/");
    signIn();
    phone.type(By.id("search"), "90000000256");
    phone.tap(By.id("search-submit"));
    phone.tap(By.cssSelector("#results a.result"));
    assertThat(phone.find(By.id("patient-name"), SCREEN).getText()).isEqualTo("Maria Silva Fernandes");
    await().atMost(SCREEN).until(() -> phone.find(By.id("labs"), SCREEN).getText().contains("Potassium"));
    assertThat(phone.find(By.id("labs"), SCREEN).getText()).contains("6,8 mmol/L", "crítico alto", "138 mmol/L");
    assertThat(phone.find(By.id("alerts"), SCREEN).getText()).contains("Valor crítico");
    phone.script("document.getElementById('labs').scrollIntoView({block: 'center'}); return null");
    phone.screenshot("4-lab-results");
  }

  /** One edgectl command run in this JVM: its exit code and what it printed. */
  private record Cli(int code, String out, String err) {
    static Cli run(String... args) {
      java.io.StringWriter out = new java.io.StringWriter();
      java.io.StringWriter err = new java.io.StringWriter();
      var cli = br.prontuario.edge.ctl.EdgeCtl.commandLine();
      cli.setOut(new java.io.PrintWriter(out, true));
      cli.setErr(new java.io.PrintWriter(err, true));
      int code = cli.execute(args);
      return new Cli(code, out.toString(), err.toString());
    }
  }

  /** Signs in when the app shows its login form (the phone keeps its session between scenarios). */
  private void signIn() {
    phone.find(By.cssSelector("#username, #search"), SCREEN);
    if (phone.all(By.id("username")).isEmpty()) {
      return;
    }
    assertThat(phone.script("return location.protocol + ' ' + window.isSecureContext")).isEqualTo("https: true");
    phone.screenshot("1-login");
    phone.type(By.id("username"), c.cluster.descriptor().demo().username());
    phone.type(By.id("password"), c.cluster.descriptor().demo().password());
    phone.tap(By.id("login-submit"));
    phone.find(By.id("search"), SCREEN);
  }

  private void openChart() {
    phone.open(c.cluster.layout().entrypoint() + "/");
    signIn();
    phone.open(c.cluster.layout().entrypoint() + "/#/paciente/" + patientId);
    assertThat(phone.find(By.id("patient-name"), SCREEN).getText()).isEqualTo(PATIENT);
  }

  private void writeNote(String text) {
    phone.tap(By.cssSelector("nav.actions a[href$='/nota']"));
    phone.type(By.id("note-text"), text);
    phone.tap(By.id("note-save"));
  }

  /**
   * The note on the chart's timeline and no longer waiting in the outbox. A chart that could not
   * load while the servers were down offers "Tentar de novo": tapped as a clinician would.
   */
  private void awaitSaved(String text, Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
      if (phone.all(By.id("notes")).isEmpty()) {
        phone.all(By.xpath("//button[.='Tentar de novo']")).forEach(b -> b.click());
        return false;
      }
      return phone.all(By.cssSelector("#pending [data-state='pendente']")).isEmpty()
          && phone.all(By.xpath("//ul[@id='notes']//div[@class='note-text'][.='" + text + "']")).size() == 1;
    });
  }

  private long notesWithText(String text) {
    ApiResponse notes = api.listNotes(patientId, 200, null);
    assertThat(notes.ok()).as("list notes: %s", notes).isTrue();
    return StreamSupport.stream(notes.body().path("items").spliterator(), false)
        .filter(n -> text.equals(n.path("text").asString())).count();
  }
}
