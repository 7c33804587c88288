package br.prontuario.edge.common.app;

import jakarta.validation.constraints.AssertTrue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.app.*}: what the clinicians' app needs before login. {@code entrypoints} are the
 * origins it may call (HAProxy entries, cloud-fallback), in the order it tries them; empty means
 * the origin that served the app. They are also the only origins CORS lets call the API.
 */
@Validated
@ConfigurationProperties("edge.app")
public record AppProperties(
    @DefaultValue List<URI> entrypoints,
    @DefaultValue("10m") Duration idleLogout) {

  @AssertTrue(message = "edge.app.entrypoints must be http(s) origins like https://host:8443,"
      + " without path, query or fragment")
  boolean isEveryEntrypointAnOrigin() {
    return entrypoints.stream().allMatch(AppProperties::isOrigin);
  }

  // 10 s is far too short for a ward; it is allowed so that browser tests see the logout happen
  @AssertTrue(message = "edge.app.idle-logout must be between 10 seconds and 12 hours")
  boolean isIdleLogoutSensible() {
    return idleLogout.compareTo(Duration.ofSeconds(10)) >= 0
        && idleLogout.compareTo(Duration.ofHours(12)) <= 0;
  }

  /** The entry points as CORS origins ({@code scheme://host[:port]}). */
  public List<String> origins() {
    return entrypoints.stream().map(AppProperties::origin).toList();
  }

  private static boolean isOrigin(URI uri) {
    String scheme = uri.getScheme();
    return ("https".equals(scheme) || "http".equals(scheme)) && uri.getHost() != null
        && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || "/".equals(uri.getRawPath()))
        && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
  }

  private static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
  }
}
