package br.prontuario.edge.node.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.node.support.EdgeNodeIT;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** edge-node serves the app and its config publicly, with a CSP; the API stays closed. */
class AppShellIT extends EdgeNodeIT {

  @Test
  void servesTheAppAtTheRootWithASameOriginContentSecurityPolicy() {
    TestHttp.Reply root = api.get("/", null);

    assertThat(root.status()).isEqualTo(200);
    assertThat(root.body()).contains("<html lang=\"pt-BR\">").contains("js/main.js");
    assertThat(root.header("Content-Security-Policy")).startsWith("default-src 'self'");
    assertThat(api.get("/js/main.js", null).header("Content-Type")).contains("javascript");
    assertThat(api.get("/sw.js", null).status()).isEqualTo(200);
    assertThat(api.get("/manifest.webmanifest", null).body()).contains("\"lang\": \"pt-BR\"");
  }

  @Test
  void servesTheConfigWithTheIdleLogoutAndNoEntryPointsByDefault() {
    TestHttp.Reply config = api.get("/app/config.json", null);

    assertThat(config.status()).isEqualTo(200);
    assertThat(config.json().get("idleLogoutSeconds").asInt()).isEqualTo(600);
    assertThat(config.json().get("entrypoints")).isEmpty();
  }

  @Test
  void keepsTheApiClosedToAnonymousCallers() {
    TestHttp.Reply search = api.get("/api/v1/patients?name=ma", null);

    assertThat(search.status()).isEqualTo(401);
    assertThat(search.isProblem()).isTrue();
  }

  @Test
  void refusesCrossOriginCallsFromOriginsThatAreNotEntryPoints() {
    TestHttp.Reply preflight = api.send(api.request("/api/v1/patients", null)
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "POST").build());

    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }
}
