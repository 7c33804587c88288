package br.prontuario.edge.node.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.InferenceIT;
import br.prontuario.edge.node.inference.dictation.DictationAudio;
import br.prontuario.edge.testsupport.browser.IphoneBrowser;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * Base of the app's browser tests: a real edge-node (PostgreSQL, Redis, the generated tiny
 * models) serving clinical-app, and a fresh emulated iPhone per test, signed in as the demo
 * physician. Each test creates its own patient.
 */
public abstract class AppIT extends InferenceIT {

  protected static final String USER = "demo";
  protected static final String PASSWORD = "demo-password-1";
  private static final Path MICROPHONE = IphoneBrowser.microphoneFile(DictationAudio.wav16kMono(4.0));
  private static final SecureRandom RANDOM = new SecureRandom();

  protected IphoneBrowser browser;

  @BeforeEach
  void openBrowser() {
    browser = IphoneBrowser.iphone(MICROPHONE);
  }

  @AfterEach
  void closeBrowser(TestInfo test) {
    try {
      browser.screenshot("last/" + test.getTestClass().orElseThrow().getSimpleName() + "-"
          + test.getTestMethod().orElseThrow().getName()); // what the page showed at the end, pass or fail
    } finally {
      browser.close();
    }
  }

  protected String appUrl() {
    return "http://127.0.0.1:" + port + "/";
  }

  protected void login() {
    browser.open(appUrl());
    browser.type("#username", USER);
    browser.type("#password", PASSWORD);
    browser.tap("#login-submit");
    browser.waitForText("h1", "Buscar paciente");
  }

  /** A patient whose name starts with a prefix no other test uses. */
  protected String uniqueName(String first) {
    StringBuilder last = new StringBuilder("Q");
    for (int i = 0; i < 7; i++) {
      last.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return first + " " + last;
  }

  protected void openChart(String name) {
    browser.type("#search", name);
    browser.tap("#search-submit");
    browser.tap("#results a.result");
    browser.waitForText("#patient-name", name);
  }

  /** Signs in and opens the chart of a new patient; answers the patient's id. */
  protected String chartOfANewPatient(String firstName) {
    String name = uniqueName(firstName);
    String patientId = createPatient(name);
    login();
    openChart(name);
    return patientId;
  }

  protected String physician() {
    return token(USER, Role.PHYSICIAN);
  }

  protected JsonNode notesOf(String patientId) {
    TestHttp.Reply reply = api.get("/api/v1/patients/" + patientId + "/notes", physician());
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().get("items");
  }

  protected String writeNote(String patientId, String text) {
    TestHttp.Reply reply = api.post("/api/v1/patients/" + patientId + "/notes", physician(),
        TestHttp.json(Map.of("type", "evolucao", "text", text)));
    assertThat(reply.status()).isEqualTo(201);
    return reply.json().get("id").asText();
  }

  /** Saves the screenshot and fails on any serious or critical axe-core violation. */
  protected void screen(String name) {
    browser.screenshot(name);
    assertThat(browser.accessibilityViolations()).as("axe-core on " + name).isEmpty();
  }

  /** The same, with the element {@code css} scrolled to the middle of the screen first. */
  protected void screen(String name, String css) {
    browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(css));
    browser.screenshot(name);
    assertThat(browser.accessibilityViolations()).as("axe-core on " + name).isEmpty();
  }
}
