package br.prontuario.edge.node.auth;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.JwtService;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class LoginIT extends EdgeNodeIT {

  @Autowired StringRedisTemplate redis;

  private TestHttp.Reply login(String username, String password) {
    return api.post("/api/v1/auth/login", null, null,
        TestHttp.json(Map.of("username", username, "password", password)));
  }

  @Test
  void demoUserLogsInAndTheAccessTokenOpensThePatientApi() {
    TestHttp.Reply reply = login("demo", "demo-password-1");
    assertThat(reply.status()).isEqualTo(200);
    JsonNode body = reply.json();
    assertThat(body.get("expiresIn").asLong()).isBetween(1L, 900L);
    assertThat(body.get("refreshToken").asText()).isNotBlank();
    String token = body.get("accessToken").asText();
    assertThat(jwt.verify(token)).get()
        .satisfies(p -> assertThat(p.roles()).containsExactly(Role.PHYSICIAN));
    assertThat(api.get("/api/v1/patients?name=an", token).status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordIsAProblemWithoutSayingWhichPartWasWrong() {
    TestHttp.Reply wrongPassword = login("demo", "not-the-password");
    TestHttp.Reply noSuchUser = login("nobody-here", "whatever-password");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.isProblem()).isTrue();
    assertThat(noSuchUser.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
  }

  @Test
  void repeatedFailuresLockTheAccountEvenForTheRightPassword() {
    jdbc.update("INSERT INTO users (username, role, password_hash) VALUES ('lock-me', 'nurse', ?)",
        new br.prontuario.edge.common.user.PasswordHasher().hash("right-password".toCharArray()));
    for (int i = 0; i < 5; i++) {
      assertThat(login("lock-me", "wrong-" + i).status()).isEqualTo(401);
    }
    TestHttp.Reply locked = login("lock-me", "right-password");
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Retry-After")).isNotNull();
    assertThat(locked.isProblem()).isTrue();
    redis.delete("login:lock:lock-me");
    assertThat(login("lock-me", "right-password").status()).isEqualTo(200);
  }

  @Test
  void aLockoutIsLoggedAsJsonWithTheCorrelationIdAndNoPatientData(CapturedOutput output) {
    jdbc.update("INSERT INTO users (username, role, password_hash) VALUES ('log-me', 'nurse', ?)",
        new br.prontuario.edge.common.user.PasswordHasher().hash("right-password".toCharArray()));
    String cpf = freshCpf();
    api.post("/api/v1/patients", token(Role.ADMIN), TestHttp.json(Map.of("name", "Sigilosa Pereira",
        "birthDate", "1970-01-01", "sex", "female", "cpf", cpf)));
    for (int i = 0; i < 5; i++) {
      api.send(api.request("/api/v1/auth/login", null).header("Content-Type", "application/json")
          .header("X-Correlation-Id", "lockout-" + i)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
              TestHttp.json(Map.of("username", "log-me", "password", "wrong-" + i)))).build());
    }
    assertThat(output.getOut().lines().filter(l -> l.contains("account log-me locked")))
        .singleElement().satisfies(line -> assertThat(line).startsWith("{")
            .contains("\"correlationId\":\"lockout-4\""));
    assertThat(output.getAll()).doesNotContain(cpf).doesNotContain("Sigilosa");
  }

  @Test
  void aRefreshTokenRotatesOnceAndLogoutRevokesIt() {
    String refresh = login("demo", "demo-password-1").json().get("refreshToken").asText();
    TestHttp.Reply rotated = api.post("/api/v1/auth/refresh", null, null,
        TestHttp.json(Map.of("refreshToken", refresh)));
    assertThat(rotated.status()).isEqualTo(200);
    assertThat(api.post("/api/v1/auth/refresh", null, null,
        TestHttp.json(Map.of("refreshToken", refresh))).status()).isEqualTo(401);

    String next = rotated.json().get("refreshToken").asText();
    assertThat(api.post("/api/v1/auth/logout", null, null,
        TestHttp.json(Map.of("refreshToken", next))).status()).isEqualTo(204);
    assertThat(api.post("/api/v1/auth/refresh", null, null,
        TestHttp.json(Map.of("refreshToken", next))).status()).isEqualTo(401);
  }

  @Test
  void missingForgedAndExpiredTokensAreRejectedWith401Problems() {
    TestHttp.Reply missing = api.get("/api/v1/patients?name=an", null);
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.isProblem()).isTrue();

    JwtService otherSecret = new JwtService(
        "b3RoZXItc2VjcmV0LXRoYXQtaXMtbG9uZy1lbm91Z2gtMTIzNDU2Nzg5MA==", Duration.ofMinutes(5),
        Clock.systemUTC());
    String forged = otherSecret.issue("mallory", EnumSet.of(Role.ADMIN)).token();
    assertThat(api.get("/api/v1/patients?name=an", forged).status()).isEqualTo(401);

    JwtService past = new JwtService(SECRET, Duration.ofMinutes(5),
        Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
    TestHttp.Reply expired = api.get("/api/v1/patients?name=an",
        past.issue("demo", EnumSet.of(Role.PHYSICIAN)).token());
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().get("detail").asText()).contains("expired");
  }
}
