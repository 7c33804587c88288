package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * One virtual clinician with its own login: thinks (exponential, the given mean), does one action
 * of the mix on a random patient, records it, until the deadline. Logs in again on 401.
 */
final class BenchClinician implements Runnable {

  static final String[] PREFIXES = {"an", "jo", "ma", "jos", "fr", "ca", "ju", "pa", "lu", "fe",
      "pe", "ra", "al", "mar", "li"};
  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final BenchUser user;
  private final List<String> patients;
  private final Duration think;
  private final MixRecorder recorder;
  private String token;

  private long measureFromNanos;
  private long endNanos;

  BenchClinician(HttpClient http, URI base, BenchUser user, List<String> patients, Duration think,
      MixRecorder recorder) {
    this.http = http;
    this.base = base;
    this.user = user;
    this.patients = patients;
    this.think = think;
    this.recorder = recorder;
  }

  /** The window: actions before {@code measureFrom} are warm-up, none start after {@code end}. */
  BenchClinician during(long measureFrom, long end) {
    this.measureFromNanos = measureFrom;
    this.endNanos = end;
    return this;
  }

  @Override
  public void run() {
    try {
      while (System.nanoTime() < endNanos) {
        pause();
        if (System.nanoTime() >= endNanos) {
          return;
        }
        Operation op = Operation.pick();
        long start = System.nanoTime();
        int status = act(op);
        if (start >= measureFromNanos) {
          recorder.record(op, (System.nanoTime() - start) / 1_000, status);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private int act(Operation op) throws InterruptedException {
    try {
      int status = send(op);
      if (status == 401) {
        login();
        status = send(op);
      }
      return status;
    } catch (IOException e) {
      return 0; // no answer: counted as a failure
    }
  }

  private int send(Operation op) throws IOException, InterruptedException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String patient = patients.get(random.nextInt(patients.size()));
    HttpRequest.Builder request = switch (op) {
      case READ_PATIENT -> get("/api/v1/patients/" + patient);
      case READ_NOTES -> get("/api/v1/patients/" + patient + "/notes?limit=20");
      case SEARCH -> get("/api/v1/patients?limit=20&name="
          + PREFIXES[random.nextInt(PREFIXES.length)]);
      case WRITE_NOTE -> authorized("/api/v1/patients/" + patient + "/notes")
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", UUID.randomUUID().toString())
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"type\":\"evolucao\",\"text\":\"Paciente estável, sem queixas (bench).\"}"));
    };
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpRequest.Builder get(String path) {
    return authorized(path).GET();
  }

  private HttpRequest.Builder authorized(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token);
  }

  /**
   * Logs in with this clinician's own account. Every bench login comes from one address, which
   * the API allows a limited number of attempts a minute (edge.security.*): on 429 it waits the
   * Retry-After the API sends and tries again, up to {@code deadlineNanos}.
   */
  void login(long deadlineNanos) throws IOException, InterruptedException {
    while (true) {
      HttpResponse<String> reply = http.send(HttpRequest.newBuilder(
              base.resolve("/api/v1/auth/login")).timeout(TIMEOUT)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
              Map.of("username", user.username(), "password", user.password())))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() == 200) {
        token = JSON.readTree(reply.body()).path("accessToken").asString();
        return;
      }
      if (reply.statusCode() != 429 || System.nanoTime() > deadlineNanos) {
        throw new IOException("login of " + user.username() + ": HTTP " + reply.statusCode());
      }
      long wait = reply.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
      Thread.sleep(Math.min(wait, 60) * 1000 + ThreadLocalRandom.current().nextInt(1000));
    }
  }

  private void login() throws IOException, InterruptedException {
    login(System.nanoTime() + TIMEOUT.toNanos());
  }

  private void pause() throws InterruptedException {
    if (!think.isZero()) {
      double draw = -Math.log(1 - ThreadLocalRandom.current().nextDouble());
      Thread.sleep((long) (draw * think.toMillis()));
    }
  }
}
