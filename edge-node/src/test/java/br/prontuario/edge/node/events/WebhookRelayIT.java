package br.prontuario.edge.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.common.security.Role;
import br.prontuario.edge.node.support.EdgeNodeIT;
import br.prontuario.edge.testsupport.http.TestHttp;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The outbox and the webhook relay against the API tests' real PostgreSQL and a real HTTP server
 * standing for the subscriber: events exist only for committed changes, arrive in order, signed,
 * once each; a refusing subscriber gets retries with backoff, then the event goes to the dead-letter
 * queue without blocking the next ones, and a replay delivers it.
 */
class WebhookRelayIT extends EdgeNodeIT {

  private static final String SECRET = "segredo-do-assinante";

  @Autowired TransactionTemplate transactions;
  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private String subscriber;
  private WebhookRelay relay;

  private record Received(String eventId, String type, String signature, int attempt,
      String body) {}

  @BeforeEach
  void aSubscriberListening() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var h = exchange.getRequestHeaders();
      received.add(new Received(h.getFirst("X-Prontuario-Event-Id"),
          h.getFirst("X-Prontuario-Event-Type"), h.getFirst("X-Prontuario-Signature"),
          Integer.parseInt(h.getFirst("X-Prontuario-Delivery-Attempt")), body));
      int status = failuresLeft.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1))
          > 0 ? 500 : 204;
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    subscriber = "it-" + UUID.randomUUID().toString().substring(0, 8);
    // what edgectl events subscribe writes: it receives what is written from now on
    jdbc.update("INSERT INTO webhook_subscribers (name, url, secret) VALUES (?, ?, ?)", subscriber,
        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", SECRET);
    EventsProperties properties = new EventsProperties(3, Duration.ofMillis(20),
        Duration.ofMillis(80), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofDays(7));
    relay = new WebhookRelay(properties, jdbc, transactions, Clock.systemUTC(), meters);
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    jdbc.update("DELETE FROM webhook_subscribers WHERE name = ?", subscriber);
  }

  @Test
  void committedChangesArriveInOrderSignedAndOnceAndARefusedRequestPublishesNothing() {
    String doctor = token("dr-events", Role.PHYSICIAN);
    String patient = createPatient("Paciente Eventos");
    String first = api.post(notes(patient), doctor,
        TestHttp.json(Map.of("type", "evolucao", "text", "primeira"))).json().get("id").asText();
    TestHttp.Reply refused = api.post(notes(patient), doctor, TestHttp.json(Map.of("type", "evolucao")));
    assertThat(refused.status()).isEqualTo(400);
    String second = api.post(notes(patient), doctor,
        TestHttp.json(Map.of("type", "evolucao", "text", "segunda"))).json().get("id").asText();

    relay.deliverDue();
    relay.deliverDue();

    assertThat(received).extracting(Received::type)
        .containsExactly("patient.created", "note.created", "note.created");
    List<JsonNode> bodies = received.stream().map(r -> TestHttp.JSON.readTree(r.body())).toList();
    assertThat(bodies).extracting(b -> b.get("resourceId").asText())
        .containsExactly(patient, first, second);
    assertThat(bodies).allSatisfy(b -> assertThat(b.get("patientId").asText()).isEqualTo(patient));
    assertThat(bodies.get(0).get("sequence").asLong()).isLessThan(bodies.get(1).get("sequence").asLong());
    assertThat(received).extracting(Received::eventId).doesNotHaveDuplicates();
    assertThat(received).allSatisfy(r -> {
      assertThat(r.attempt()).isEqualTo(1);
      assertThat(r.signature()).isEqualTo(expectedSignature(r.signature(), r.body()));
      // thin events: nothing of the chart itself
      assertThat(r.body()).doesNotContain("primeira", "segunda", "Paciente Eventos");
    });
    assertThat(status(received.get(2).eventId())).isEqualTo("delivered");
  }

  @Test
  void aRefusingSubscriberGetsRetriesThenTheEventIsDeadAndTheNextOnesGoOnAndReplayDeliversIt()
      throws Exception {
    failuresLeft.set(Integer.MAX_VALUE);
    String patient = createPatient("Paciente Recusado");
    String doctor = token("dr-events", Role.PHYSICIAN);
    api.post(notes(patient), doctor, TestHttp.json(Map.of("type", "evolucao", "text", "x")));

    deliverUntil(() -> received.size() >= 6); // 3 attempts each, in order
    assertThat(received).extracting(Received::type).containsExactly("patient.created",
        "patient.created", "patient.created", "note.created", "note.created", "note.created");
    assertThat(received).extracting(Received::attempt).containsExactly(1, 2, 3, 1, 2, 3);
    String deadEvent = received.get(0).eventId();
    assertThat(status(deadEvent)).isEqualTo("dead");
    relay.deliverDue();
    assertThat(gauge("webhook.dead")).isEqualTo(2);
    assertThat(gauge("webhook.pending")).isZero();
    assertThat(jdbc.queryForObject("SELECT last_error FROM webhook_deliveries d JOIN outbox_events e"
        + " ON e.seq = d.event_seq WHERE d.subscriber = ? AND e.event_id = ?::uuid", String.class,
        subscriber, deadEvent)).isEqualTo("HTTP 500");

    failuresLeft.set(0);
    received.clear();
    // what edgectl events dlq replay does
    jdbc.update("UPDATE webhook_deliveries SET status = 'pending', attempts = 0,"
        + " next_attempt_at = now(), last_error = NULL WHERE subscriber = ? AND status = 'dead'",
        subscriber);
    deliverUntil(() -> received.size() >= 2);
    assertThat(received).extracting(Received::type).containsExactly("patient.created", "note.created");
    assertThat(received.get(0).eventId()).isEqualTo(deadEvent);
    assertThat(status(deadEvent)).isEqualTo("delivered");
    relay.deliverDue();
    assertThat(gauge("webhook.dead")).isZero();
  }

  @Test
  void theBacklogGaugesShowWhatWaitsAndForHowLong() {
    failuresLeft.set(Integer.MAX_VALUE);
    createPatient("Paciente Fila");
    relay.deliverDue(); // one attempt, then it waits its backoff
    assertThat(gauge("webhook.pending")).isEqualTo(1);
    assertThat(gauge("webhook.oldest.pending.seconds")).isGreaterThanOrEqualTo(0);
  }

  @Test
  void eventsDeliveredLongerAgoThanTheRetentionGoButDeadOnesStay() {
    Long delivered = oldEvent("delivered");
    Long dead = oldEvent("dead");
    Long recent = jdbc.queryForObject("INSERT INTO outbox_events (event_id, type, resource_id,"
        + " occurred_at) VALUES (gen_random_uuid(), 'note.created', 'r', now()) RETURNING seq",
        Long.class);

    relay.cleanUp(Instant.now());

    assertThat(exists(delivered)).isFalse();
    assertThat(exists(dead)).isTrue();
    assertThat(exists(recent)).as("younger than the retention").isTrue();
  }

  private Long oldEvent(String status) {
    Long seq = jdbc.queryForObject("INSERT INTO outbox_events (event_id, type, resource_id,"
        + " occurred_at) VALUES (gen_random_uuid(), 'note.created', 'r', now() - interval '8 days')"
        + " RETURNING seq", Long.class);
    jdbc.update("INSERT INTO webhook_deliveries (subscriber, event_seq, status, attempts,"
        + " next_attempt_at, delivered_at) VALUES (?, ?, ?, 1, now() - interval '8 days',"
        + " now() - interval '8 days')", subscriber, seq, status);
    return seq;
  }

  private boolean exists(Long seq) {
    return jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE seq = ?", Integer.class,
        seq) == 1;
  }

  private double gauge(String name) {
    return meters.get(name).tag("subscriber", subscriber).gauge().value();
  }

  @Test
  void anEventIsPublishedOnlyInsideTheChangesTransaction() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new ClinicalEvents(jdbc, Clock.systemUTC()).publish("note.created", null, "x"))
        .isInstanceOf(IllegalStateException.class);
  }

  private void deliverUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(20);
    while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
      relay.deliverDue();
      Thread.sleep(30);
    }
  }

  private String status(String eventId) {
    return jdbc.queryForObject("SELECT d.status FROM webhook_deliveries d JOIN outbox_events e"
        + " ON e.seq = d.event_seq WHERE d.subscriber = ? AND e.event_id = ?::uuid", String.class,
        subscriber, eventId);
  }

  private static String notes(String patientId) {
    return "/api/v1/patients/" + patientId + "/notes";
  }

  /** The receiver's check, written from the documented scheme, not from the sender's code. */
  private static String expectedSignature(String header, String body) {
    String t = header.substring(2, header.indexOf(','));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "t=" + t + ",v1=" + HexFormat.of().formatHex(
          mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
