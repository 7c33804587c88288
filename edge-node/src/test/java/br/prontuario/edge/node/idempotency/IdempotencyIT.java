package br.prontuario.edge.node.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import br.prontuario.edge.common.idempotency.IdempotencyKeyJanitor;
import br.prontuario.edge.testsupport.http.TestHttp;

class IdempotencyIT extends EdgeNodeIT {

  @Autowired IdempotencyKeyJanitor janitor;

  private int notesOf(String patient) {
    return jdbc.queryForObject("SELECT count(*) FROM notes WHERE patient_id = ?::uuid",
        Integer.class, patient);
  }

  @Test
  void aReplayReturnsTheOriginalResponseWithoutWritingAgain() {
    String patient = createPatient("Paciente Replay");
    String doctor = token(Role.PHYSICIAN);
    String key = UUID.randomUUID().toString();
    String body = TestHttp.json(Map.of("type", "evolucao", "text", "estável"));
    TestHttp.Reply first = api.post("/api/v1/patients/" + patient + "/notes", doctor, key, body);
    TestHttp.Reply replay = api.post("/api/v1/patients/" + patient + "/notes", doctor, key, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(notesOf(patient)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithADifferentBodyIs422() {
    String patient = createPatient("Paciente Chave");
    String doctor = token(Role.PHYSICIAN);
    String key = UUID.randomUUID().toString();
    api.post("/api/v1/patients/" + patient + "/notes", doctor, key,
        TestHttp.json(Map.of("type", "evolucao", "text", "primeira")));
    TestHttp.Reply reused = api.post("/api/v1/patients/" + patient + "/notes", doctor, key,
        TestHttp.json(Map.of("type", "evolucao", "text", "outra")));
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.isProblem()).isTrue();
    assertThat(notesOf(patient)).isEqualTo(1);
  }

  @Test
  void keysAreScopedPerPrincipal() {
    String patient = createPatient("Paciente Escopo");
    String key = UUID.randomUUID().toString();
    String body = TestHttp.json(Map.of("type", "evolucao", "text", "mesmo texto"));
    assertThat(api.post("/api/v1/patients/" + patient + "/notes",
        token("dr-a", Role.PHYSICIAN), key, body).status()).isEqualTo(201);
    assertThat(api.post("/api/v1/patients/" + patient + "/notes",
        token("dr-b", Role.PHYSICIAN), key, body).status()).isEqualTo(201);
    assertThat(notesOf(patient)).isEqualTo(2);
  }

  @Test
  void aPostWithoutAKeyIsRejectedAndWritesNothing() {
    String patient = createPatient("Paciente Sem Chave");
    TestHttp.Reply reply = api.post("/api/v1/patients/" + patient + "/notes",
        token(Role.PHYSICIAN), null, TestHttp.json(Map.of("type", "evolucao", "text", "x")));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.isProblem()).isTrue();
    assertThat(notesOf(patient)).isZero();
  }

  @Test
  void concurrentReplaysOfOneKeyCreateExactlyOneRecord() throws Exception {
    String patient = createPatient("Paciente Concorrente");
    String doctor = token(Role.PHYSICIAN);
    String key = UUID.randomUUID().toString();
    String body = TestHttp.json(Map.of("type", "evolucao", "text", "enviado 8 vezes"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<TestHttp.Reply>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> api.post("/api/v1/patients/" + patient + "/notes", doctor, key, body));
      }
      List<String> ids = new ArrayList<>();
      for (Future<TestHttp.Reply> f : pool.invokeAll(calls)) {
        TestHttp.Reply reply = f.get();
        assertThat(reply.status()).isEqualTo(201);
        ids.add(reply.json().get("id").asText());
      }
      assertThat(ids).containsOnly(ids.get(0));
      assertThat(notesOf(patient)).isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void keysOlderThanTheRetentionAreForgotten() {
    jdbc.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, created_at)"
        + " VALUES ('old-user', 'old-key-123', 'h', 201, now() - interval '25 hours')");
    jdbc.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, created_at)"
        + " VALUES ('old-user', 'new-key-123', 'h', 201, now() - interval '1 hour')");
    assertThat(janitor.purge()).isPositive();
    assertThat(jdbc.queryForList("SELECT idem_key FROM idempotency_keys WHERE principal = 'old-user'",
        String.class)).containsExactly("new-key-123");
  }

  @Test
  void aRejectedRequestDoesNotConsumeItsKey() {
    String patient = createPatient("Paciente Retentativa");
    String doctor = token(Role.PHYSICIAN);
    String key = UUID.randomUUID().toString();
    TestHttp.Reply bad = api.post("/api/v1/patients/" + patient + "/notes", doctor, key,
        TestHttp.json(Map.of("type", "evolucao", "text", "")));
    assertThat(bad.status()).isEqualTo(400);
    TestHttp.Reply fixed = api.post("/api/v1/patients/" + patient + "/notes", doctor, key,
        TestHttp.json(Map.of("type", "evolucao", "text", "corrigido")));
    assertThat(fixed.status()).isEqualTo(201);
  }
}
