package br.prontuario.edge.node.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.common.audit.AuditLog;
import br.prontuario.edge.node.events.ClinicalEvents;
import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.site.lab.MllpClient;
import br.prontuario.edge.testsupport.http.TestHttp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** ORU^R01 over a real MLLP socket into the real database, acknowledged after the commit. */
class LabMllpIT extends EdgeNodeIT {

  private static final String TOKEN = "lis-token-" + UUID.randomUUID();

  @Autowired LabRepository repository;
  @Autowired AuditLog audit;
  @Autowired ClinicalEvents events;
  @Autowired TransactionTemplate transactions;
  @Autowired Clock clock;

  private MllpServer server;
  private MllpClient client;
  private String cpf;
  private String patientId;

  @BeforeEach
  void listenerAndPatient() throws Exception {
    LabProperties.Sender lis = new LabProperties.Sender("LIS", "HOSP",
        HexFormat.of().formatHex(LabIntake.sha256(TOKEN)));
    LabIntake intake = new LabIntake(List.of(lis), repository, audit, events, transactions,
        clock);
    server = MllpServer.start("127.0.0.1", 0, new OruHandler(intake)::handle);
    client = new MllpClient("127.0.0.1", server.port(), Duration.ofSeconds(30));
    cpf = freshCpf();
    patientId = api.post("/api/v1/patients", token(Role.PHYSICIAN), TestHttp.json(Map.of(
        "name", "Paciente Laboratório", "birthDate", "1970-01-01", "sex", "male", "cpf", cpf)))
        .json().get("id").asText();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String oru(String controlId, String token, String patientCpf) {
    return MllpClient.segments(String.join("\n",
        "MSH|^~\\&|LIS|HOSP|PRONTUARIO|EDGE|20261201103000|" + token
            + "|ORU^R01^ORU_R01|" + controlId + "|P|2.5.1",
        "PID|1||" + patientCpf + "^^^^TAX||SILVA^JOAO||19700101|M",
        "OBR|1||LAB-" + controlId + "|24326-1^Electrolytes panel^LN|||20261201100000",
        "OBX|1|NM|2951-2^Sodium^LN||138|mmol/L|135-145|N|||F|||20261201101500",
        "OBX|2|NM|2823-3^Potassium^LN||6.8|mmol/L|3.5-5.1|HH|||F|||20261201101500"));
  }

  private int results() {
    return jdbc.queryForObject("SELECT count(*) FROM lab_results WHERE patient_id = ?::uuid",
        Integer.class, patientId);
  }

  @Test
  void aCriticalPotassiumIsCommittedBeforeTheAckAndRaisesTheCriticalAlert() throws Exception {
    MllpClient.Ack ack = client.send(oru("MSG-" + UUID.randomUUID(), TOKEN, cpf));

    assertThat(ack.code()).as(ack.raw()).isEqualTo("AA");
    // HAPI's default ACK id generator would leave a counter file in the working directory
    assertThat(Path.of("id_file")).doesNotExist();
    // read right after the ACK, from another connection: the results are already committed
    assertThat(results()).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT abnormal_flag FROM lab_results"
        + " WHERE patient_id = ?::uuid AND code = '2823-3'", String.class, patientId))
        .isEqualTo("HH");
    JsonNode alerts = api.get("/api/v1/patients/" + patientId + "/alerts",
        token(Role.NURSE)).json().get("items");
    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).get("data").get("kind").asText()).isEqualTo("critical-lab-value");
    assertThat(alerts.get(0).get("data").get("message").asText()).contains("Potassium 6.8");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE actor = 'lab:LIS@HOSP'"
        + " AND patient_id = ?::uuid", String.class, patientId))
        .contains("lab-result.create", "alert.create");
  }

  @Test
  void theSameControlIdTwiceIsAcknowledgedTwiceAndWrittenOnce() throws Exception {
    String message = oru("MSG-" + UUID.randomUUID(), TOKEN, cpf);
    assertThat(client.send(message).code()).isEqualTo("AA");
    assertThat(client.send(message).code()).isEqualTo("AA");
    assertThat(results()).isEqualTo(2);
    assertThat(api.get("/api/v1/patients/" + patientId + "/alerts", token(Role.NURSE)).json()
        .get("items")).hasSize(1);
  }

  @Test
  void aResultTheStandbyDidNotConfirmGetsNoAaNorDoesItsDuplicateUntilConfirmed() throws Exception {
    String message = oru("MSG-" + UUID.randomUUID(), TOKEN, cpf);
    MllpClient other = new MllpClient("127.0.0.1", server.port(), Duration.ofSeconds(30));
    CompletableFuture<MllpClient.Ack> duplicate;
    requireAStandbyThatNeverAnswers();
    try {
      CompletableFuture<MllpClient.Ack> first = CompletableFuture.supplyAsync(() -> send(client, message));
      // cancelled until the result's own commit was among those cancelled: the first waiter may
      // be a background job's, and the listener's transaction may start waiting later
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200)).until(() -> {
            jdbc.queryForObject("SELECT count(pg_cancel_backend(pid)) FROM pg_stat_activity"
                + " WHERE wait_event = 'SyncRep'", Integer.class);
            return first.isDone();
          });
      // the commit's wait for the standby was cancelled: committed locally, not confirmed
      assertThat(first.get(30, TimeUnit.SECONDS).code()).isEqualTo("AE");
      assertThat(results()).isEqualTo(2);

      duplicate = CompletableFuture.supplyAsync(() -> send(other, message));
      assertThatThrownBy(() -> duplicate.get(3, TimeUnit.SECONDS))
          .isInstanceOf(TimeoutException.class);
    } finally {
      noStandbyRequired();
    }
    assertThat(duplicate.get(30, TimeUnit.SECONDS).code()).isEqualTo("AA");
    assertThat(results()).isEqualTo(2);
  }

  private static MllpClient.Ack send(MllpClient client, String message) {
    try {
      return client.send(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aWrongTokenIsRejectedAndWritesNothing() throws Exception {
    MllpClient.Ack ack = client.send(oru("MSG-" + UUID.randomUUID(), "guessed", cpf));
    assertThat(ack.code()).isEqualTo("AR");
    assertThat(results()).isZero();
  }

  @Test
  void anUnknownPatientIsAnApplicationErrorAndWritesNothing() throws Exception {
    MllpClient.Ack ack = client.send(oru("MSG-" + UUID.randomUUID(), TOKEN, freshCpf()));
    assertThat(ack.code()).isEqualTo("AE");
    assertThat(ack.raw()).contains("no patient");
    assertThat(results()).isZero();
  }

  @Test
  void whatIsNotAnOruR01IsRejected() throws Exception {
    assertThat(client.send(MllpClient.segments("MSH|^~\\&|LIS|HOSP|PRONTUARIO|EDGE|20261201"
        + "||ADT^A01^ADT_A01|ADT-1|P|2.5.1\nPID|1||" + cpf + "^^^^TAX")).code())
        .isEqualTo("AR");
    assertThat(client.send("not hl7 at all").code()).isEqualTo("AR");
    assertThat(results()).isZero();
  }
}
