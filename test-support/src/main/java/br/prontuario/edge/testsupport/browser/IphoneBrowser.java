package br.prontuario.edge.testsupport.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through /usr/bin/chromedriver (nothing downloaded), emulating an
 * iPhone: 390x844 CSS pixels, device scale 3, touch, Safari's user agent. The one browser of the
 * app's tests: edge-node's (with a WAV as fake microphone) and the failover controller's cluster
 * IT (trusting exactly the cluster's server certificate, see {@link Setup#trusting}). Fails loudly
 * when either binary is missing: these tests never skip. Screenshots go to
 * {@code target/screenshots/} of the module under test.
 */
public final class IphoneBrowser implements AutoCloseable {

  public static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(60);
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

  /**
   * What a test adds to the plain phone.
   *
   * @param microphone the WAV the fake microphone plays, or null
   * @param serverCertificate the one server certificate accepted besides the machine's trust
   *     store (its public key pinned), or null
   * @param profile the browser profile folder, or null for a fresh temporary one
   */
  public record Setup(Path microphone, Path serverCertificate, Path profile) {

    public static Setup plain() {
      return new Setup(null, null, null);
    }

    public Setup microphone(Path wav) {
      return new Setup(wav, serverCertificate, profile);
    }

    /** The page is a secure context as for a phone that trusts the cluster CA, without touching the machine's trust store. */
    public Setup trusting(Path certificate) {
      return new Setup(microphone, certificate, profile);
    }

    public Setup profile(Path folder) {
      return new Setup(microphone, serverCertificate, folder);
    }

    public IphoneBrowser open() {
      return IphoneBrowser.open(this);
    }
  }

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private IphoneBrowser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, WAIT);
  }

  /** A phone with a fake microphone playing {@code microphone} (a WAV). */
  public static IphoneBrowser iphone(Path microphone) {
    return Setup.plain().microphone(microphone).open();
  }

  static IphoneBrowser open(Setup setup) {
    for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " is missing: bin/edgectl installs chromium and chromium-driver");
      }
    }
    List<String> arguments = new ArrayList<>(List.of("--headless=new", "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--lang=pt-BR"));
    if (setup.microphone() != null) {
      arguments.addAll(List.of("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
          "--use-file-for-fake-audio-capture=" + setup.microphone().toAbsolutePath()));
    }
    if (setup.serverCertificate() != null) {
      arguments.add("--ignore-certificate-errors-spki-list=" + SpkiPin.of(setup.serverCertificate()));
    }
    if (setup.profile() != null) {
      arguments.add("--user-data-dir=" + setup.profile().toAbsolutePath());
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(arguments);
    options.setExperimentalOption("mobileEmulation", Map.of(
        "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "mobile", true,
            "touch", true),
        "userAgent", IPHONE_UA));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(WAIT);
    return new IphoneBrowser(driver);
  }

  public ChromeDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  public void reload() {
    driver.navigate().refresh();
  }

  public WebElement find(String css) {
    return find(By.cssSelector(css));
  }

  /** The element once visible, waiting up to a minute. */
  public WebElement find(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** The element once visible, waiting up to {@code timeout}. */
  public WebElement find(By by, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Whatever matches now, possibly nothing; no waiting. */
  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public void type(String css, String text) {
    type(By.cssSelector(css), text);
  }

  public void type(By by, String text) {
    WebElement field = find(by);
    field.clear();
    field.sendKeys(text);
  }

  public void tap(String css) {
    tap(By.cssSelector(css));
  }

  /** Scrolls the element to the middle first, as a thumb would: at the bottom edge the fixed action bar covers it. */
  public void tap(By by) {
    WebElement target = wait.until(ExpectedConditions.elementToBeClickable(by));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", target);
    target.click();
  }

  public void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  public void waitUntil(Function<WebDriver, Boolean> condition) {
    wait.until(condition);
  }

  public String text(String css) {
    return find(css).getText();
  }

  public Object script(String js) {
    return driver.executeScript(js);
  }

  /** The banner's data-mode: normal, reconnecting or emergency; "none" when the page is not the app (e.g. HAProxy's 503). */
  public String bannerMode() {
    return String.valueOf(script("const b = document.getElementById('banner');"
        + " return b ? (b.dataset.mode || 'normal') : 'none'"));
  }

  public String bannerText() {
    return driver.findElement(By.id("banner")).getText();
  }

  /** From now on, every mode the banner shows is kept for {@link #bannerModes}. */
  public void recordBanner() {
    script(RECORD_BANNER);
  }

  @SuppressWarnings("unchecked")
  public List<String> bannerModes() {
    return (List<String>) script("return window.__bannerModes || []");
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

  /** Saves {@code target/screenshots/NAME.png} for people to look at. */
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

  /** axe-core from the calling module's test resources ({@code /axe/axe.min.js}). */
  private static String axeSource() {
    try (InputStream in = IphoneBrowser.class.getResourceAsStream("/axe/axe.min.js")) {
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
