package br.prontuario.edge.node.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A 201 for a note means the synchronous standby has it. A commit waits for the standby's
 * confirmation; if that wait is cancelled (an operator's pg_cancel_backend, a timeout), PostgreSQL
 * ends it with only a warning, the commit stays local, and from then on other sessions see it.
 * Before the fix edge-node answered that request 201. Now neither the cancelled request (held
 * and run again as a replay) nor a retry that finds the write is acknowledged before the standby
 * confirms. Here the standby never confirms: the database waits for one that does not exist
 * ({@code synchronous_standby_names}), as a primary cut off from its standby waits.
 */
class ReplayAwaitsTheStandbyIT extends EdgeNodeIT {

  @Test
  void aNoteWhoseWaitForTheStandbyWasCancelledIsNeitherAcknowledgedNorReplayedUntilConfirmed()
      throws Exception {
    String patient = createPatient("Paciente Sem Réplica");
    String doctor = token(Role.PHYSICIAN);
    String key = UUID.randomUUID().toString();
    String path = "/api/v1/patients/" + patient + "/notes";
    String body = TestHttp.json(Map.of("type", "evolucao", "text", "aguardando a réplica"));
    CompletableFuture<TestHttp.Reply> first;
    CompletableFuture<TestHttp.Reply> replay;
    requireAStandbyThatNeverAnswers();
    try {
      first = CompletableFuture.supplyAsync(() -> api.post(path, doctor, key, body));
      // cancelled until the note's own commit was among those cancelled: the first waiter may be
      // a background job's (the outbox relay, the audit anchor), and the request starts waiting later.
      // Committed locally all the same, and visible to every other session from then on
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
        cancelWaitsForTheStandby();
        return notesOf(patient) == 1;
      });

      replay = CompletableFuture.supplyAsync(() -> api.post(path, doctor, key, body));
      assertThatThrownBy(() -> first.get(3, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
      assertThatThrownBy(() -> replay.get(1, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    } finally {
      noStandbyRequired();
    }
    // the standby is no longer required: both answer, and there is one note
    TestHttp.Reply written = first.get(30, TimeUnit.SECONDS);
    TestHttp.Reply replayed = replay.get(30, TimeUnit.SECONDS);
    assertThat(written.status()).as(written.body()).isEqualTo(201);
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replayed.body()).isEqualTo(written.body());
    assertThat(written.header("X-Edge-Node")).isEqualTo("node-test");
    assertThat(notesOf(patient)).isEqualTo(1);
  }

  /** Cancels every backend waiting for the standby, as an impatient operator would. */
  private int cancelWaitsForTheStandby() {
    return jdbc.queryForObject("SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity"
        + " WHERE wait_event = 'SyncRep'", Integer.class);
  }

  private int notesOf(String patient) {
    return jdbc.queryForObject("SELECT count(*) FROM notes WHERE patient_id = ?::uuid",
        Integer.class, patient);
  }
}
