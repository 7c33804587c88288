package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.localcluster.tls.SpkiPin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The clinicians' app in Debian's Chromium as an iPhone (390x844, scale 3, touch, Safari's user
 * agent), trusting exactly the cluster's server certificate (its key pinned), as the browser
 * tests do. The save is tapped and timed inside the page, so WebDriver's round trips do not count.
 */
final class BenchPhone implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  /** Taps "salvar" and notes when the note shows "salvo" on the chart (page clock, ms). */
  private static final String TAP_AND_WATCH = """
      const text = arguments[0];
      const bench = window.__saveBench = {tappedAt: performance.now(), savedAt: null};
      const watch = setInterval(() => {
        const saved = [...document.querySelectorAll('#notes li')].some(li => li.querySelector('.badge-saved')
          && li.querySelector('.note-text') && li.querySelector('.note-text').textContent === text);
        if (saved) { bench.savedAt = performance.now(); clearInterval(watch); }
      }, 20);
      document.getElementById('note-save').click();""";

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private BenchPhone(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  static BenchPhone open(Path serverCertificate, Path profile) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: bin/edgectl installs chromium and chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--lang=pt-BR", "--user-data-dir=" + profile.toAbsolutePath(),
        "--ignore-certificate-errors-spki-list=" + SpkiPin.of(serverCertificate));
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
        "userAgent", IPHONE_UA));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new BenchPhone(new ChromeDriver(service, options));
  }

  /** Signs in unless a session is open (the app logs out after its idle time, 10 min by default). */
  void signIn(String entrypoint, String username, String password) {
    if (Boolean.TRUE.equals(driver.executeScript(
        "return location.protocol.startsWith('http') && sessionStorage.getItem('prontuario.session') !== null"))) {
      return;
    }
    driver.get(entrypoint + "/");
    type("username", username);
    type("password", password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search")));
  }

  /** Opens the chart, then the new-note form with the text typed in, not yet saved. */
  void prepareNote(String entrypoint, String patientId, String text) {
    driver.get(entrypoint + "/#/paciente/" + patientId);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("patient-name")));
    driver.get(entrypoint + "/#/paciente/" + patientId + "/nota");
    type("note-text", text);
  }

  void tapSave(String text) {
    driver.executeScript(TAP_AND_WATCH, text);
  }

  /** Seconds from the tap to "salvo", or -1 when the note did not show "salvo" within the timeout. */
  double awaitSaved(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Object ms = driver.executeScript(
          "const b = window.__saveBench; return b && b.savedAt !== null ? b.savedAt - b.tappedAt : null;");
      if (ms instanceof Number n) {
        return n.doubleValue() / 1000.0;
      }
      pause(Duration.ofMillis(250));
    }
    return -1;
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void type(String id, String text) {
    var field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    field.clear();
    field.sendKeys(text);
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
