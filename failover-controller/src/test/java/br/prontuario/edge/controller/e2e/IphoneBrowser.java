package br.prontuario.edge.controller.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium (driven by its chromedriver, nothing downloaded) emulating an iPhone: 390x844
 * CSS pixels, device scale 3, touch, Safari's user agent. It accepts exactly the cluster's server
 * certificate (its public key pinned with {@code --ignore-certificate-errors-spki-list}), so the
 * page is a secure context as for a phone that trusts the cluster CA, without touching the
 * machine's trust store.
 */
final class IphoneBrowser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
      + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  /** Records every mode the banner shows, so a test can tell it went through "reconectando…". */
  private static final String RECORD_BANNER = """
      const el = document.getElementById('banner');
      window.__bannerModes = window.__bannerModes || [el.dataset.mode || 'normal'];
      if (!window.__bannerObserver) {
        window.__bannerObserver = new MutationObserver(() => {
          const m = el.dataset.mode;
          if (m && window.__bannerModes[window.__bannerModes.length - 1] !== m) window.__bannerModes.push(m);
        });
        window.__bannerObserver.observe(el, {attributes: true, attributeFilter: ['data-mode']});
      }""";

  private final ChromeDriver driver;
  private final Path screenshots;

  private IphoneBrowser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  static IphoneBrowser open(Path serverCertificate, Path profile, Path screenshots) {
    for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(binary))) {
        throw new IllegalStateException(binary + " missing: apt-get install chromium chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run",
        "--user-data-dir=" + profile, "--ignore-certificate-errors-spki-list=" + spkiPin(serverCertificate));
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true),
        "userAgent", IPHONE_UA));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new IphoneBrowser(driver, screenshots);
  }

  /** base64(SHA-256(SubjectPublicKeyInfo)): the form Chromium's SPKI list takes. */
  private static String spkiPin(Path certificate) {
    try (var in = Files.newInputStream(certificate)) {
      byte[] spki = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CertificateException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot pin " + certificate, e);
    }
  }

  void get(String url) {
    driver.get(url);
  }

  void reload() {
    driver.navigate().refresh();
  }

  WebElement await(By by, Duration timeout) {
    Awaitility.await().atMost(timeout).ignoreExceptions().until(() -> driver.findElement(by).isDisplayed());
    return driver.findElement(by);
  }

  List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  void type(By by, String text) {
    WebElement field = await(by, Duration.ofSeconds(20));
    field.clear();
    field.sendKeys(text);
  }

  void tap(By by) {
    await(by, Duration.ofSeconds(20)).click();
  }

  Object script(String js) {
    return ((JavascriptExecutor) driver).executeScript(js);
  }

  /** normal, reconnecting or emergency; "none" when the page is not the app (e.g. HAProxy's 503). */
  String bannerMode() {
    return String.valueOf(script("const b = document.getElementById('banner');"
        + " return b ? (b.dataset.mode || 'normal') : 'none'"));
  }

  String bannerText() {
    return driver.findElement(By.id("banner")).getText();
  }

  void recordBanner() {
    script(RECORD_BANNER);
  }

  @SuppressWarnings("unchecked")
  List<String> bannerModes() {
    return (List<String>) script("return window.__bannerModes || []");
  }

  /** Saves {@code target/screenshots/NAME.png} for people to look at. */
  Path screenshot(String name) {
    Path file = screenshots.resolve(name + ".png");
    try {
      Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
