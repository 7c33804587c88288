package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logs every bench clinician in with its own account before the clock starts. The API allows
 * one address a limited number of login attempts a minute and every bench login comes from this
 * machine, so a 429 waits the Retry-After the API sends; a login is an Argon2id hash, so a few
 * run at a time.
 */
final class BenchLogins {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int AT_ONCE = 4;

  /** A logged-in clinician: the pair the API issued, and when. */
  record Session(String username, String accessToken, String refreshToken, long issuedAtMillis) {}

  /** Who logged in, and how many could not. */
  record Outcome(List<Session> sessions, long failures, long seconds) {}

  private final HttpClient http;
  private final URI base;

  BenchLogins(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  Outcome logIn(List<BenchUser> users) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MINUTES.toNanos(10);
    List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
    AtomicLong failures = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(users.size(), AT_ONCE));
    for (BenchUser user : users) {
      pool.execute(() -> {
        try {
          sessions.add(logIn(user, deadline));
        } catch (IOException e) {
          failures.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    pool.shutdown();
    if (!pool.awaitTermination(11, TimeUnit.MINUTES)) {
      pool.shutdownNow();
    }
    return new Outcome(List.copyOf(sessions), failures.get(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  /** One clinician's login, retried on 429, 5xx and timeouts until the deadline. */
  Session logIn(BenchUser user, long deadlineNanos) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(
        Map.of("username", user.username(), "password", user.password()));
    while (true) {
      HttpResponse<String> reply;
      try {
        reply = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
            .timeout(TIMEOUT).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (System.nanoTime() > deadlineNanos) {
          throw e;
        }
        continue;
      }
      if (reply.statusCode() == 200) {
        JsonNode pair = JSON.readTree(reply.body());
        return new Session(user.username(), pair.path("accessToken").asString(),
            pair.path("refreshToken").asString(), System.currentTimeMillis());
      }
      boolean retryable = reply.statusCode() == 429 || reply.statusCode() >= 500;
      if (!retryable || System.nanoTime() > deadlineNanos) {
        throw new IOException("login of " + user.username() + ": HTTP " + reply.statusCode());
      }
      long wait = reply.headers().firstValue("Retry-After").map(Long::parseLong).orElse(5L);
      Thread.sleep(Math.min(wait, 60) * 1000 + ThreadLocalRandom.current().nextInt(1000));
    }
  }
}
