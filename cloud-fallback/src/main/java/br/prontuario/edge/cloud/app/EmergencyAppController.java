package br.prontuario.edge.cloud.app;

import br.prontuario.edge.app.ClinicalAppFiles;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The app's configuration in emergency mode: the same {@code edge.app.*} settings and answer as on
 * edge-node, so the service worker caches the same shell and the app keeps the same entry points
 * (the entry HAProxy routes here while both nodes are down, then back to them). The mode itself
 * reaches the app through {@code X-Service-Mode: emergency} on every answer.
 */
@RestController
class EmergencyAppController {

  /** {@code edge.app.*}; entry points empty = the origin that served the app. */
  @ConfigurationProperties("edge.app")
  record Settings(@DefaultValue List<URI> entrypoints, @DefaultValue("10m") Duration idleLogout) {}

  record AppConfig(List<String> entrypoints, long idleLogoutMinutes) {}

  private final Settings settings;

  EmergencyAppController(Settings settings) {
    this.settings = settings;
  }

  @GetMapping(ClinicalAppFiles.CONFIG)
  ResponseEntity<AppConfig> config() {
    List<String> origins = settings.entrypoints().stream()
        .map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()))
        .toList();
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(new AppConfig(origins, settings.idleLogout().toMinutes()));
  }
}
