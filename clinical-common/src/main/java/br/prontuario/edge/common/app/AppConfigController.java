package br.prontuario.edge.common.app;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /app/config.json}: public, no patient data. The app's service worker keeps a copy
 * with the shell, so the app still knows the other entry points when this node is down.
 */
@RestController
class AppConfigController {

  private final AppProperties app;

  AppConfigController(AppProperties app) {
    this.app = app;
  }

  record AppConfig(List<String> entrypoints, long idleLogoutSeconds) {}

  @GetMapping("/app/config.json")
  ResponseEntity<AppConfig> config() {
    return ResponseEntity.ok().cacheControl(CacheControl.noCache())
        .body(new AppConfig(app.origins(), app.idleLogout().toSeconds()));
  }
}
