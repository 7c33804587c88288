package br.prontuario.edge.node.security;

import static br.prontuario.edge.common.security.Role.ADMIN;
import static br.prontuario.edge.common.security.Role.AUDITOR;
import static br.prontuario.edge.common.security.Role.IT_OPS;
import static br.prontuario.edge.common.security.Role.NURSE;
import static br.prontuario.edge.common.security.Role.PHYSICIAN;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint × every role (and no token at all), from a table written independently of the
 * security configuration: allowed roles never get 401/403, others get a 403 problem.
 */
class RoleMatrixIT extends EdgeNodeIT {

  /** {@code inference}: a local-AI endpoint, which may answer 503 naming a model not loaded here. */
  private record Endpoint(String method, String path, String body, Set<Role> allowed,
      boolean inference) {
    Endpoint(String method, String path, String body, Set<Role> allowed) {
      this(method, path, body, allowed, false);
    }
  }

  private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

  private static final Set<Role> CLINICIANS = EnumSet.of(PHYSICIAN, NURSE);
  private static final Set<Role> CLINICAL_READERS = EnumSet.of(PHYSICIAN, NURSE, AUDITOR);
  private static final Set<Role> REGISTRATION = EnumSet.of(PHYSICIAN, NURSE, ADMIN);
  private static final Set<Role> DEMOGRAPHIC_READERS = EnumSet.of(PHYSICIAN, NURSE, ADMIN, AUDITOR);

  private List<Endpoint> table() {
    String p = "/api/v1/patients/" + createPatient("Matriz Papeis");
    String note = idOf(p + "/notes", Map.of("type", "evolucao", "text", "nota"));
    Map<String, Map<String, Object>> bodies = Map.of(
        "encounters", Map.of("type", "outpatient", "status", "open",
            "startedAt", "2026-11-25T10:00:00Z"),
        "vital-signs", Map.of("type", "temperature", "value", 37.2,
            "measuredAt", "2026-11-25T10:00:00Z"),
        "allergies", Map.of("substance", "Dipirona", "severity", "mild", "status", "active"),
        "problems", Map.of("description", "Hipertensão", "cid10", "I10", "status", "active"),
        "alerts", Map.of("kind", "fall-risk", "message", "risco de queda", "status", "active"));
    Map<String, Set<Role>> writers = Map.of("encounters", REGISTRATION, "vital-signs", CLINICIANS,
        "allergies", CLINICIANS, "problems", EnumSet.of(PHYSICIAN), "alerts", CLINICIANS);
    Map<String, Set<Role>> readers = Map.of("encounters", DEMOGRAPHIC_READERS,
        "vital-signs", CLINICAL_READERS, "allergies", CLINICAL_READERS,
        "problems", CLINICAL_READERS, "alerts", CLINICAL_READERS);

    String patientBody = TestHttp.json(Map.of("name", "Nova Pessoa", "birthDate", "1990-01-01",
        "sex", "female"));
    List<Endpoint> table = new ArrayList<>(List.of(
        new Endpoint("POST", "/api/v1/patients", patientBody, REGISTRATION),
        new Endpoint("GET", "/api/v1/patients?name=ma", null, DEMOGRAPHIC_READERS),
        new Endpoint("GET", p, null, DEMOGRAPHIC_READERS),
        new Endpoint("PUT", p, patientBody, REGISTRATION),
        new Endpoint("GET", p + "/history", null, DEMOGRAPHIC_READERS),
        new Endpoint("POST", p + "/notes",
            TestHttp.json(Map.of("type", "evolucao", "text", "x")), CLINICIANS),
        new Endpoint("GET", p + "/notes?limit=5", null, CLINICAL_READERS),
        new Endpoint("GET", p + "/notes/" + note, null, CLINICAL_READERS),
        new Endpoint("GET", p + "/notes/" + note + "/history", null, CLINICAL_READERS),
        new Endpoint("PUT", p + "/notes/" + note,
            TestHttp.json(Map.of("type", "evolucao", "text", "y")), CLINICIANS),
        new Endpoint("GET", "/api/v1/audit/verify", null, EnumSet.of(AUDITOR)),
        new Endpoint("GET", "/api/v1/audit/events?limit=5", null, EnumSet.of(AUDITOR)),
        new Endpoint("GET", "/api/v1/ops/status", null, EnumSet.of(IT_OPS, ADMIN)),
        new Endpoint("POST", "/api/v1/dictations", "{}", CLINICIANS, true),
        new Endpoint("POST", "/api/v1/chat", TestHttp.json(Map.of("question", "alergias?")),
            CLINICIANS, true),
        new Endpoint("POST", "/api/v1/chat/stream", TestHttp.json(Map.of("question", "alergias?")),
            CLINICIANS, true),
        new Endpoint("GET", "/api/v1/auth/face/enrolment", null, EVERYONE, true),
        new Endpoint("DELETE", "/api/v1/auth/face/enrolment", null, EVERYONE, true)));
    bodies.forEach((kind, body) -> {
      String id = idOf(p + "/" + kind, body);
      String json = TestHttp.json(body);
      table.add(new Endpoint("POST", p + "/" + kind, json, writers.get(kind)));
      table.add(new Endpoint("PUT", p + "/" + kind + "/" + id, json, writers.get(kind)));
      table.add(new Endpoint("GET", p + "/" + kind, null, readers.get(kind)));
      table.add(new Endpoint("GET", p + "/" + kind + "/" + id, null, readers.get(kind)));
      table.add(new Endpoint("GET", p + "/" + kind + "/" + id + "/history", null,
          readers.get(kind)));
    });
    return table;
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointAllowsExactlyItsRoles() {
    api = new TestHttp(port);
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoint e : table()) {
      for (Role role : Role.values()) {
        boolean allowed = e.allowed().contains(role);
        tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " as " + role.claim()
            + (allowed ? " is allowed" : " is forbidden"), () -> {
          TestHttp.Reply reply = call(e, token(role));
          if (allowed && e.inference() && reply.status() == 503) {
            assertThat(reply.isProblem()).as(reply.body()).isTrue();
          } else if (allowed) {
            assertThat(reply.status()).as(reply.body()).isNotIn(401, 403).isLessThan(500);
          } else {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.isProblem()).isTrue();
          }
        }));
      }
      tests.add(DynamicTest.dynamicTest(e.method() + " " + e.path() + " without a token is 401",
          () -> assertThat(call(e, null).status()).isEqualTo(401)));
    }
    return tests.stream();
  }

  private TestHttp.Reply call(Endpoint e, String token) {
    HttpRequest.Builder request = api.request(e.path(), token);
    if (e.body() != null) {
      request.header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .header("If-Match", "\"stale\"")
          .method(e.method(), HttpRequest.BodyPublishers.ofString(e.body()));
    } else {
      request.method(e.method(), HttpRequest.BodyPublishers.noBody());
    }
    return api.send(request.build());
  }

  private String idOf(String path, Map<String, Object> body) {
    TestHttp.Reply reply = api.post(path, token(PHYSICIAN), TestHttp.json(body));
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("id").asText();
  }
}
