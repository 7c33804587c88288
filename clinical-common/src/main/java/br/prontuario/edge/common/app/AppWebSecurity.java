package br.prontuario.edge.common.app;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What serving the clinicians' app adds to an app's security chain (edge-node, cloud-fallback): the app's files and its
 * config are public (no patient data in them), a Content-Security-Policy that allows this origin
 * and the configured entry points only, and CORS for exactly those entry points.
 */
public final class AppWebSecurity {

  /** The app's static files (clinical-app's META-INF/resources) and its config. */
  public static final String[] PUBLIC_FILES = {"/", "/index.html", "/app.css", "/sw.js",
      "/manifest.webmanifest", "/js/**", "/icons/**", "/app/config.json", "/favicon.ico"};

  private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type",
      "Idempotency-Key", "If-Match", "X-Correlation-Id");
  private static final List<String> EXPOSED_HEADERS = List.of("ETag", "Location", "Retry-After",
      "X-Service-Mode", "X-Correlation-Id", "Idempotent-Replayed", "X-Edge-Node");

  private AppWebSecurity() {}

  public static HttpSecurity apply(HttpSecurity http, AppProperties app) throws Exception {
    return http
        .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(app))))
        .cors(c -> c.configurationSource(cors(app)));
  }

  static String contentSecurityPolicy(AppProperties app) {
    String connect = String.join(" ", app.origins());
    return "default-src 'self'; connect-src 'self'" + (connect.isEmpty() ? "" : " " + connect)
        + "; img-src 'self' data: blob:; media-src 'self' blob:; object-src 'none';"
        + " base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  private static UrlBasedCorsConfigurationSource cors(AppProperties app) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (app.origins().isEmpty()) {
      return source; // same origin only: no cross-origin call is allowed
    }
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOrigins(app.origins());
    config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(),
        HttpMethod.PUT.name(), HttpMethod.DELETE.name()));
    config.setAllowedHeaders(REQUEST_HEADERS);
    config.setExposedHeaders(EXPOSED_HEADERS);
    config.setAllowCredentials(false); // bearer tokens, no cookies
    config.setMaxAge(600L);
    source.registerCorsConfiguration("/api/**", config);
    source.registerCorsConfiguration("/health/live", config);
    return source;
  }
}
