package br.prontuario.edge.node.inference;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.inference.face.FacePhotos;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Face login on the real models with real photos: the demo user enrols with portraits of one
 * person of a group photo and logs in with another framing of that person; others get 401.
 */
class FaceLoginApiIT extends InferenceIT {

  /** Photo 1 of the calibration set, its largest face. */
  static final byte[] ENROLMENT_A = FacePhotos.portrait(1, 0, -1);
  static final byte[] ENROLMENT_B = FacePhotos.portrait(1, 0, 6);
  static final byte[] SAME_PERSON_TILTED = FacePhotos.portrait(1, 0, 4);
  static final byte[] SOMEONE_ELSE = FacePhotos.portrait(1, 1, -1);

  @Test
  void enrolsThenLogsInWithAnotherPhotoWithTheSameTokensAsPasswordLogin() {
    String demo = token("demo", Role.PHYSICIAN);
    TestHttp.Reply enrolment = enrol(demo, ENROLMENT_A, ENROLMENT_B);

    TestHttp.Reply login = faceLogin("demo", SAME_PERSON_TILTED);

    assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(201);
    assertThat(enrolment.json().get("embeddings").asInt()).isEqualTo(2);
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    assertThat(login.json().has("refreshToken")).isTrue();
    assertThat(login.json().get("expiresIn").asLong()).isPositive();
    assertThat(jwt.verify(login.json().get("accessToken").asText()).orElseThrow().username()).isEqualTo("demo");
    assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log WHERE action = 'auth.face-login' AND actor = 'demo'",
        Integer.class)).isPositive();
  }

  @Test
  void rejectsADifferentPerson() {
    enrol(token("demo", Role.PHYSICIAN), ENROLMENT_A);

    TestHttp.Reply login = faceLogin("demo", SOMEONE_ELSE);

    assertThat(login.status()).isEqualTo(401);
    assertThat(login.isProblem()).isTrue();
  }

  @Test
  void aPhotoWithSeveralFacesOrNoneIsUnprocessableAndSaysWhy() {
    String demo = token("demo", Role.PHYSICIAN);

    TestHttp.Reply group = enrol(demo, ENROLMENT_A, FacePhotos.group());
    TestHttp.Reply wall = faceLogin("demo", FacePhotos.wall());

    assertThat(group.status()).isEqualTo(422);
    assertThat(group.isProblem()).isTrue();
    assertThat(group.json().get("detail").asText()).contains("3 faces found in photo 2");
    assertThat(wall.status()).isEqualTo(422);
    assertThat(wall.json().get("detail").asText()).startsWith("no face found in the photo");
  }

  @Test
  void storesOnlyEncryptedEmbeddingsNeverThePhotos() {
    enrol(token("demo", Role.PHYSICIAN), ENROLMENT_A, ENROLMENT_B);

    List<byte[]> stored = jdbc.queryForList("SELECT ciphertext FROM face_embedding WHERE username = 'demo'", byte[].class);

    // nonce + 512 floats + GCM tag: far smaller than any photo, and no JPEG marker inside
    assertThat(stored).hasSize(2).allSatisfy(row -> {
      assertThat(row).hasSize(12 + 512 * 4 + 16);
      assertThat(new String(row, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
    });
  }

  @Test
  void theUserDeletesTheirBiometricDataAndFaceLoginStops() {
    String demo = token("demo", Role.PHYSICIAN);
    enrol(demo, ENROLMENT_A);

    TestHttp.Reply deleted = api.send(api.request("/api/v1/auth/face/enrolment", demo).DELETE().build());

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/api/v1/auth/face/enrolment", demo).json().get("enrolled").asBoolean()).isFalse();
    assertThat(faceLogin("demo", SAME_PERSON_TILTED).status()).isEqualTo(401);
  }

  @Test
  void anEnrolmentNeedsOneToTenPhotos() {
    String demo = token("demo", Role.PHYSICIAN);

    assertThat(enrol(demo).status()).isEqualTo(400);
    byte[][] eleven = new byte[11][];
    java.util.Arrays.fill(eleven, ENROLMENT_A);
    assertThat(enrol(demo, eleven).status()).isEqualTo(400);
  }

  @Test
  void photoRequestsMayExceedTheJsonLimitUpToEightMebibytes() {
    String demo = token("demo", Role.PHYSICIAN);

    TestHttp.Reply oneMebibyteAndAHalf = enrol(demo, new byte[1_500_000]);
    TestHttp.Reply nine = enrol(demo, new byte[7_000_000]);

    // past the 1 MiB JSON limit: read, then refused as not an image
    assertThat(oneMebibyteAndAHalf.status()).isEqualTo(400);
    assertThat(oneMebibyteAndAHalf.json().get("detail").asText()).contains("JPEG or PNG");
    // 7 MB of bytes is over 9 MiB once base64-encoded
    assertThat(nine.status()).isEqualTo(413);
  }

  @Test
  void rateLimitsFaceLoginAttemptsPerUsername() {
    for (int i = 0; i < 5; i++) {
      assertThat(faceLogin("mallory", SOMEONE_ELSE).status()).isEqualTo(401);
    }

    TestHttp.Reply limited = faceLogin("mallory", SOMEONE_ELSE);

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotBlank();
  }

  @Test
  void failedFaceLoginsLockPasswordLoginTooBecauseTheyShareOneThrottle() {
    for (int i = 0; i < 5; i++) {
      assertThat(faceLogin("eve", SOMEONE_ELSE).status()).isEqualTo(401);
    }

    TestHttp.Reply password = api.post("/api/v1/auth/login", null,
        TestHttp.json(Map.of("username", "eve", "password", "whatever-it-is")));

    assertThat(password.status()).isEqualTo(429);
    assertThat(password.header("Retry-After")).isNotBlank();
  }

  private TestHttp.Reply enrol(String token, byte[]... photos) {
    return api.send(api.request("/api/v1/auth/face/enrolment", token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(TestHttp.json(Map.of("photos", List.of(photos))))).build());
  }

  private TestHttp.Reply faceLogin(String username, byte[] photo) {
    return api.post("/api/v1/auth/face", null, TestHttp.json(Map.of("username", username, "photo", photo)));
  }
}
