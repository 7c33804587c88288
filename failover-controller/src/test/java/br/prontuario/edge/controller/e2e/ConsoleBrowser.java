package br.prontuario.edge.controller.e2e;

import br.prontuario.edge.testsupport.browser.IphoneBrowser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium (through its chromedriver, nothing downloaded) as an operator's desktop: a
 * 1440x900 window on the operators' console. axe-core is the copy the app's browser tests pin
 * (edge-node's test resources), read from the repository rather than copied.
 */
final class ConsoleBrowser implements AutoCloseable {

  private static final Duration SCREEN = Duration.ofSeconds(30);

  final ChromeDriver driver;
  private final Path screenshots;

  private ConsoleBrowser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  static ConsoleBrowser open(Path profile, Path screenshots) throws IOException {
    for (Path binary : List.of(IphoneBrowser.CHROMIUM, IphoneBrowser.CHROMEDRIVER)) {
      if (!Files.isExecutable(binary)) {
        throw new IllegalStateException(binary + " missing: apt-get install chromium chromium-driver");
      }
    }
    Files.createDirectories(screenshots);
    ChromeOptions options = new ChromeOptions().setBinary(IphoneBrowser.CHROMIUM.toString()).addArguments("--headless=new",
        "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1440,900",
        "--user-data-dir=" + profile, "--lang=pt-BR");
    ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(IphoneBrowser.CHROMEDRIVER.toFile()).build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return new ConsoleBrowser(driver, screenshots);
  }

  /** Opens the console and logs in as an operator would. */
  void login(String consoleUrl, String user, String password) {
    driver.get(consoleUrl);
    // a session left by the previous test on this origin would skip the login screen
    driver.executeScript("sessionStorage.clear()");
    driver.get(consoleUrl);
    WebElement name = shown(By.id("username"));
    name.clear();
    name.sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("#login-form button[type=submit]")).click();
  }

  WebElement shown(By by) {
    return shown(by, SCREEN);
  }

  WebElement shown(By by, Duration within) {
    Awaitility.await().atMost(within).ignoreExceptions().until(() -> driver.findElement(by).isDisplayed());
    return driver.findElement(by);
  }

  /** The text of a node card's field, e.g. ("node-a", "pg-role"); "" while it is not there. */
  String nodeField(String node, String field) {
    return text(By.cssSelector("#node-" + node + " [data-field='" + field + "']"));
  }

  /** "" while it is not there, or when the page re-rendered it between finding and reading: callers poll. */
  String text(By by) {
    return firstText(by, false);
  }

  /** {@link #text} after scrolling the element into the middle of the window. */
  String scrolledToText(By by) {
    return firstText(by, true);
  }

  private String firstText(By by, boolean scrollTo) {
    try {
      List<WebElement> found = driver.findElements(by);
      if (found.isEmpty()) {
        return "";
      }
      if (scrollTo) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", found.get(0));
      }
      return found.get(0).getText();
    } catch (StaleElementReferenceException e) {
      return "";
    }
  }

  void tab(String id) {
    driver.findElement(By.cssSelector(".tabs a[data-tab='" + id + "']")).click();
    shown(By.id(id));
  }

  /** Confirms the open confirmation dialog; returns what it said the consequence is. */
  String confirm() {
    String consequence = shown(By.id("confirm-consequence")).getText();
    driver.findElement(By.id("confirm-ok")).click();
    return consequence;
  }

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    Path axe = Path.of(System.getProperty("user.dir")).resolveSibling("edge-node")
        .resolve("src/test/resources/axe/axe.min.js");
    try {
      driver.executeScript(Files.readString(axe, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("axe-core is pinned at " + axe, e);
    }
    return (List<String>) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']})
          .then(r => done(r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
            .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));""");
  }

  /** Saves {@code target/screenshots/NAME.png} for people to look at. */
  Path screenshot(String name) {
    try {
      return Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
