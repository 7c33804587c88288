package br.prontuario.edge.node.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through /usr/bin/chromedriver, emulating an iPhone (390x844, device
 * scale 3, touch, Safari's user agent), with a WAV file as its fake microphone. Fails loudly
 * when either binary is missing: these tests never skip.
 */
public final class Browser implements AutoCloseable {

  public static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** A fresh browser profile; {@code microphone} is the WAV the fake microphone plays. */
  public static Browser iphone(Path microphone) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: bin/edgectl installs chromium and chromium-driver");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--lang=pt-BR", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        "--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath());
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true,
            "touch", true),
        "userAgent", IPHONE_UA));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new Browser(new ChromeDriver(service, options));
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  public void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  public void tap(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  public void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  public void waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    wait.until(condition);
  }

  public String text(String css) {
    return find(css).getText();
  }

  /** The page's attribute data-mode of the banner: normal, reconnecting or emergency. */
  public String bannerMode() {
    return driver.findElement(By.id("banner")).getDomAttribute("data-mode");
  }

  /** Requests whose URL matches a pattern fail as if the network were down (CDP). */
  public void blockUrls(String... patterns) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
  }

  public void unblockUrls() {
    driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
  }

  /** How many writes the app's outbox (IndexedDB) holds right now. */
  public long outboxSize() {
    Object size = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const open = indexedDB.open('prontuario-app', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('outbox', {keyPath: 'key'});
        open.onerror = () => done(-1);
        open.onsuccess = () => {
          const all = open.result.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          all.onsuccess = () => { done(all.result.length); open.result.close(); };
          all.onerror = () => done(-1);
        };""");
    return ((Number) size).longValue();
  }

  public Path screenshot(String name) {
    try {
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  @SuppressWarnings("unchecked")
  public List<String> accessibilityViolations() {
    driver.executeScript(axeSource());
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ '
                + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""");
    return (List<String>) result;
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fake microphone's recording: writes the WAV under target/ and answers its path. */
  public static Path microphoneFile(byte[] wav) {
    try {
      Path file = Path.of("target", "fake-microphone.wav");
      Files.createDirectories(file.getParent());
      Files.write(file, wav);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
