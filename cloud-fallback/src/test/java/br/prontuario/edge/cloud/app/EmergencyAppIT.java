package br.prontuario.edge.cloud.app;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.cloud.support.CloudFallbackTest;
import br.prontuario.edge.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = "edge.app.entrypoints=https://127.0.0.1:8443,https://witness-2.hospital:443")
class EmergencyAppIT extends CloudFallbackTest {

  @Test
  void servesTheSameAppShellWithoutLoginMarkedAsEmergency() {
    for (String path : new String[] {"/", "/index.html", "/js/main.js", "/js/api.js", "/sw.js",
        "/manifest.webmanifest", "/app.css", "/icons/icon-192.png"}) {
      TestHttp.Reply reply = http.get(path, null);
      assertThat(reply.status()).as(path).isEqualTo(200);
      assertThat(reply.header("X-Service-Mode")).as(path).isEqualTo("emergency");
    }
    assertThat(http.get("/", null).body()).contains("<html lang=\"pt-BR\">", "js/main.js");
  }

  @Test
  void theAppConfigListsTheEntryOriginsSoTheServiceWorkerCanCacheIt() {
    TestHttp.Reply reply = http.get("/app/config.json", null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("entrypoints").toString())
        .isEqualTo("[\"https://127.0.0.1:8443\",\"https://witness-2.hospital:443\"]");
    assertThat(reply.json().path("idleLogoutSeconds").asLong()).isEqualTo(600);
  }

  @Test
  void patientDataStaysBehindLoginAndUnknownFilesAreDenied() {
    assertThat(http.get("/api/v1/patients?q=ana", null).status()).isEqualTo(401);
    assertThat(http.get("/secrets.txt", null).status()).isIn(401, 403);
  }
}
