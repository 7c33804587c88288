package br.prontuario.edge.node.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input is a 4xx problem+json and writes nothing. */
class BadInputIT extends EdgeNodeIT {

  private String patient;

  @BeforeEach
  void patient() {
    patient = createPatient("Paciente Entradas");
  }

  static Stream<Arguments> badPatientBodies() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\"name\": \"Ana\", "),
        Arguments.of("unknown field",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"female\",\"admin\":true}"),
        Arguments.of("wrong type for the name",
            "{\"name\":42,\"birthDate\":\"1990-01-01\",\"sex\":\"female\"}"),
        Arguments.of("wrong type for the date",
            "{\"name\":\"Ana Lima\",\"birthDate\":19900101,\"sex\":\"female\"}"),
        Arguments.of("unknown enum value",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"robot\"}"),
        Arguments.of("invalid CPF check digits",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"female\",\"cpf\":\"12345678900\"}"),
        Arguments.of("CPF of repeated digits",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"female\",\"cpf\":\"11111111111\"}"),
        Arguments.of("invalid CNS checksum",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"female\",\"cns\":\"700000000000001\"}"),
        Arguments.of("SQL in a name",
            "{\"name\":\"Robert'); DROP TABLE patients;--\",\"birthDate\":\"1990-01-01\",\"sex\":\"male\"}"),
        Arguments.of("script in a name",
            "{\"name\":\"<script>alert(1)</script>\",\"birthDate\":\"1990-01-01\",\"sex\":\"male\"}"),
        Arguments.of("birth date in the future",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"2999-01-01\",\"sex\":\"female\"}"),
        Arguments.of("trailing garbage",
            "{\"name\":\"Ana Lima\",\"birthDate\":\"1990-01-01\",\"sex\":\"female\"} {}"),
        Arguments.of("empty body", ""),
        Arguments.of("JSON array instead of object", "[]"));
  }

  @ParameterizedTest(name = "{0} is a 400 problem and writes nothing")
  @MethodSource("badPatientBodies")
  void badPatientBodiesAreRejected(String why, String body) {
    int patients = count("patients");
    int audit = count("audit_log");
    TestHttp.Reply reply = api.post("/api/v1/patients", token(Role.ADMIN), body);
    assertThat(reply.status()).as(why).isEqualTo(400);
    assertThat(reply.isProblem()).as(why).isTrue();
    assertThat(reply.body()).as("no echo of the input").doesNotContain("DROP TABLE", "<script>");
    assertThat(count("patients")).isEqualTo(patients);
    assertThat(count("audit_log")).isEqualTo(audit);
  }

  @Test
  void aBodyOverOneMebibyteIs413AndWritesNothing() {
    int notes = count("notes");
    String huge = "{\"type\":\"evolucao\",\"text\":\"" + "a".repeat(1024 * 1024) + "\"}";
    TestHttp.Reply reply = api.post("/api/v1/patients/" + patient + "/notes", token(Role.PHYSICIAN),
        huge);
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.isProblem()).isTrue();
    assertThat(count("notes")).isEqualTo(notes);
  }

  @Test
  void invalidUtf8IsA400AndWritesNothing() {
    int notes = count("notes");
    byte[] prefix = "{\"type\":\"evolucao\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + 4];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    body[prefix.length] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
    body[prefix.length + 1] = (byte) 0x28;
    body[prefix.length + 2] = '"';
    body[prefix.length + 3] = '}';
    TestHttp.Reply reply = api.postBytes("/api/v1/patients/" + patient + "/notes",
        token(Role.PHYSICIAN), "application/json", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(count("notes")).isEqualTo(notes);
  }

  @Test
  void aNonJsonContentTypeIs415() {
    TestHttp.Reply reply = api.postBytes("/api/v1/patients/" + patient + "/notes",
        token(Role.PHYSICIAN), "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.isProblem()).isTrue();
  }

  @Test
  void scriptAndSqlInFreeTextAreStoredVerbatimAndHarmless() {
    String text = "<script>alert('x')</script>'; DROP TABLE notes; --";
    TestHttp.Reply written = api.post("/api/v1/patients/" + patient + "/notes",
        token(Role.PHYSICIAN), TestHttp.json(Map.of("type", "evolucao", "text", text)));
    assertThat(written.status()).isEqualTo(201);
    assertThat(written.header("Content-Type")).startsWith("application/json");
    String id = written.json().get("id").asText();
    assertThat(api.get("/api/v1/patients/" + patient + "/notes/" + id, token(Role.PHYSICIAN))
        .json().get("text").asText()).isEqualTo(text);
    assertThat(count("notes")).isPositive();
  }

  @Test
  void malformedIdsCursorsAndLimitsAre400() {
    String doctor = token(Role.PHYSICIAN);
    assertThat(api.get("/api/v1/patients/123", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients?name=an&cursor=!!!", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients?name=an&cursor=bm90LWEtY3Vyc29y", doctor).status())
        .isEqualTo(400);
    assertThat(api.get("/api/v1/patients?name=an&limit=abc", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients?name=an&limit=0", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients?cpf=12345678900", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients", doctor).status()).isEqualTo(400);
    assertThat(api.get("/api/v1/patients?name=%25%27", doctor).status()).isEqualTo(400);
    // decodes as a cursor, but its sort key is no time: the record lists must say so, not fail
    String notATime = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        ("Ana\n" + java.util.UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    for (String list : new String[] {"notes", "allergies"}) {
      var reply = api.get("/api/v1/patients/" + patient + "/" + list + "?cursor=" + notATime, doctor);
      assertThat(reply.status()).as(list).isEqualTo(400);
      assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  @Test
  void badLoginBodiesAre400Problems() {
    assertThat(api.post("/api/v1/auth/login", null, null, "{\"username\":\"demo\"}").status())
        .isEqualTo(400);
    TestHttp.Reply typed = api.post("/api/v1/auth/login", null, null,
        "{\"username\":[1],\"password\":\"x\"}");
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.isProblem()).isTrue();
  }

  @ParameterizedTest(name = "{0} is a problem+json, not the container's default error")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/patients//notes",
      "/api/v1/patients/not-a-uuid/notes", "/api/v1/patients/%2e%2e/notes", "/api/v1/nothing-here",
      "/api/v1/patients/;x=1/notes", "/error"})
  void malformedOrUnknownPathsAreProblems(String path) {
    TestHttp.Reply reply = api.get(path, token(Role.PHYSICIAN));

    assertThat(reply.status()).as(reply.toString()).isBetween(400, 499);
    assertThat(reply.isProblem()).as(reply.toString()).isTrue();
    assertThat(reply.body()).doesNotContain("\"error\"", "\"path\"", "\"timestamp\"");
  }
}
