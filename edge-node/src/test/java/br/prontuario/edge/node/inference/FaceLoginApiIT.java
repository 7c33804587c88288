package br.prontuario.edge.node.inference;

import static br.prontuario.edge.node.inference.face.SyntheticFaces.Person.ANA;
import static br.prontuario.edge.node.inference.face.SyntheticFaces.Person.BRUNO;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.face.SyntheticFaces;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaceLoginApiIT extends InferenceIT {

  @Test
  void enrolsThenLogsInWithTheSameTokensAsPasswordLogin() {
    String demo = token("demo", Role.PHYSICIAN);
    TestHttp.Reply enrolment = enrol(demo, 1, 2, 3);

    TestHttp.Reply login = faceLogin("demo", SyntheticFaces.crop(ANA, 7));

    assertThat(enrolment.status()).isEqualTo(201);
    assertThat(enrolment.json().get("embeddings").asInt()).isEqualTo(3);
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().has("refreshToken")).isTrue();
    assertThat(login.json().get("expiresIn").asLong()).isPositive();
    assertThat(jwt.verify(login.json().get("accessToken").asText()).orElseThrow().username()).isEqualTo("demo");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'auth.face-login' AND actor = 'demo'",
        Integer.class)).isPositive();
  }

  @Test
  void rejectsAFaceBelowTheThreshold() {
    enrol(token("demo", Role.PHYSICIAN), 1, 2, 3);

    TestHttp.Reply login = faceLogin("demo", SyntheticFaces.crop(BRUNO, 1));

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.isProblem()).isTrue();
  }

  @Test
  void storesOnlyEncryptedEmbeddingsNeverTheImages() {
    enrol(token("demo", Role.PHYSICIAN), 4, 5, 6);

    List<byte[]> stored = jdbc.queryForList("SELECT ciphertext FROM face_embedding WHERE username = 'demo'", byte[].class);

    // nonce + 16 floats + GCM tag: far smaller than any crop, and no PNG signature inside
    assertThat(stored).hasSize(3).allSatisfy(row -> {
      assertThat(row).hasSize(12 + 16 * 4 + 16);
      assertThat(new String(row, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PNG");
    });
  }

  @Test
  void theUserDeletesTheirBiometricDataAndFaceLoginStops() {
    String demo = token("demo", Role.PHYSICIAN);
    enrol(demo, 1, 2, 3);

    TestHttp.Reply deleted = api.send(api.request("/api/v1/auth/face/enrolment", demo).DELETE().build());

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/auth/face/enrolment", demo).json().get("enrolled").asBoolean()).isFalse();
    assertThat(faceLogin("demo", SyntheticFaces.crop(ANA, 7)).status()).isEqualTo(401);
  }

  @Test
  void anEnrolmentNeedsAtLeastThreeCrops() {
    TestHttp.Reply reply = enrol(token("demo", Role.PHYSICIAN), 1, 2);

    assertThat(reply.status()).isEqualTo(400);
  }

  @Test
  void rateLimitsFaceLoginAttemptsPerUsername() {
    byte[] crop = SyntheticFaces.crop(BRUNO, 2);
    for (int i = 0; i < 5; i++) {
      assertThat(faceLogin("mallory", crop).status()).isEqualTo(401);
    }

    TestHttp.Reply limited = faceLogin("mallory", crop);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
  }

  @Test
  void failedFaceLoginsLockPasswordLoginTooBecauseTheyShareOneThrottle() {
    byte[] crop = SyntheticFaces.crop(BRUNO, 3);
    for (int i = 0; i < 5; i++) {
      assertThat(faceLogin("eve", crop).status()).isEqualTo(401);
    }

    TestHttp.Reply password = api.post("/api/v1/auth/login", null,
        TestHttp.json(Map.of("username", "eve", "password", "whatever-it-is")));

    assertThat(password.status()).isEqualTo(429);
    assertThat(password.header("Retry-After")).isNotBlank();
  }

  private TestHttp.Reply enrol(String token, int... variants) {
    List<byte[]> crops = java.util.Arrays.stream(variants).mapToObj(v -> SyntheticFaces.crop(ANA, v)).toList();
    return api.send(api.request("/api/v1/auth/face/enrolment", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(TestHttp.json(Map.of("crops", crops)))).build());
  }

  private TestHttp.Reply faceLogin(String username, byte[] crop) {
    return api.post("/api/v1/auth/face", null, TestHttp.json(Map.of("username", username, "crop", crop)));
  }
}
