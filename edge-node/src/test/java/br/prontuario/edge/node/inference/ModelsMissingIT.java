package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The records API's own context has no model manifest: every model is MISSING, each AI feature
 * answers 503 naming its model, and the node stays ready with the records API working.
 */
class ModelsMissingIT extends EdgeNodeIT {

  @Test
  void theNodeStaysReadyAndReportsEachModelMissing() {
    TestHttp.Reply ready = api.get("/health/ready", null);

    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    var models = ready.json().at("/components/models/details");
    assertThat(models.at("/chat/state").asText()).isEqualTo("MISSING");
    assertThat(models.at("/dictation/state").asText()).isEqualTo("MISSING");
    assertThat(models.at("/face/state").asText()).isEqualTo("MISSING");
  }

  @Test
  void dictationAnswers503NamingItsModelWhileRecordsKeepWorking() {
    TestHttp.Reply dictation = api.postBytes("/api/v1/dictations", token(Role.PHYSICIAN), "audio/wav", new byte[44]);

    assertThat(dictation.status()).isEqualTo(503);
    assertThat(dictation.isProblem()).isTrue();
    assertThat(dictation.json().get("model").asText()).isEqualTo("dictation");
    assertThat(api.get("/api/v1/patients/" + createPatient("Maria Missing") , token(Role.PHYSICIAN)).status())
        .isEqualTo(200);
  }

  @Test
  void chatAndFaceLoginAnswer503NamingTheirModels() {
    TestHttp.Reply chat = api.post("/api/v1/chat", token(Role.PHYSICIAN), TestHttp.json(Map.of("question", "Qual a conduta?")));
    TestHttp.Reply face = api.post("/api/v1/auth/face", null, TestHttp.json(Map.of("username", "demo", "photo", "AAAA")));

    assertThat(chat.status()).isEqualTo(503);
    assertThat(chat.json().get("model").asText()).isEqualTo("chat");
    assertThat(face.status()).isEqualTo(503);
    assertThat(face.json().get("model").asText()).isEqualTo("face");
  }

  @Test
  void passwordLoginRemainsWhenFaceLoginIsOff() {
    TestHttp.Reply login = api.post("/api/v1/auth/login", null,
        TestHttp.json(Map.of("username", "demo", "password", "demo-password-1")));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().has("accessToken")).isTrue();
  }
}
