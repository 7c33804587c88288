package br.prontuario.edge.node.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for the records API (run by command, not a test): N virtual clinicians on a
 * bounded thread pool, each looping 70 % record reads, 20 % note writes with idempotency keys,
 * 10 % searches, without think time. Prints throughput and p50/p95/p99 per operation.
 *
 * <p>Arguments: baseUrl username password [clinicians=200] [seconds=60] [warmupSeconds=10]
 * [thinkMillis=0]. With thinkMillis 0 every clinician fires back-to-back (a saturation test);
 * otherwise each pauses an exponentially distributed time of that mean between actions.
 */
public final class RecordsLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] PREFIXES = {"an", "jo", "ma", "jos", "fr", "ca", "ju", "pa",
      "lu", "fe", "pe", "ra", "al", "mar", "li"};

  private final String base;
  private final HttpClient http;
  private String token;
  private int thinkMillis;
  private final List<String> patients = new ArrayList<>();

  private RecordsLoad(String base, int clinicians) {
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: RecordsLoad baseUrl username password [clinicians] [seconds]"
          + " [warmupSeconds]");
      System.exit(2);
    }
    int clinicians = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 60;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    RecordsLoad load = new RecordsLoad(args[0], clinicians);
    load.thinkMillis = args.length > 6 ? Integer.parseInt(args[6]) : 0;
    load.login(args[1], args[2]);
    load.findPatients();
    System.out.printf("%d virtual clinicians, %d patients, think time %d ms, warm-up %d s,"
        + " measuring %d s%n", clinicians, load.patients.size(), load.thinkMillis, warmup, seconds);
    load.run(clinicians, warmup, null);
    LatencyLog log = new LatencyLog();
    long start = System.nanoTime();
    load.run(clinicians, seconds, log);
    System.out.print(log.report((System.nanoTime() - start) / 1e9));
    System.exit(0);
  }

  private void login(String username, String password) throws Exception {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            java.util.Map.of("username", username, "password", password)))).build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + r.body());
    }
    token = JSON.readTree(r.body()).get("accessToken").asText();
  }

  private void findPatients() throws Exception {
    for (String prefix : PREFIXES) {
      JsonNode page = JSON.readTree(get("/api/v1/patients?limit=100&name=" + prefix).body());
      page.path("items").forEach(p -> {
        if (!patients.contains(p.get("id").asText())) {
          patients.add(p.get("id").asText());
        }
      });
    }
    if (patients.isEmpty()) {
      throw new IllegalStateException("no patients found; start edge-node with edge.demo.*");
    }
  }

  private void run(int clinicians, int seconds, LatencyLog log) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clinicians);
    for (int i = 0; i < clinicians; i++) {
      pool.execute(() -> {
        while (System.nanoTime() < end) {
          oneAction(log);
          think();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
  }

  private void oneAction(LatencyLog log) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String patient = patients.get(random.nextInt(patients.size()));
    double dice = random.nextDouble();
    long start = System.nanoTime();
    String op;
    int status;
    try {
      if (dice < 0.35) {
        op = "read-patient";
        status = get("/api/v1/patients/" + patient).statusCode();
      } else if (dice < 0.70) {
        op = "read-notes";
        status = get("/api/v1/patients/" + patient + "/notes?limit=20").statusCode();
      } else if (dice < 0.90) {
        op = "write-note";
        status = send(request("/api/v1/patients/" + patient + "/notes")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"type\":\"evolucao\",\"text\":\"Paciente estável, sem queixas. Carga.\"}"))
            .build()).statusCode();
      } else {
        op = "search";
        status = get("/api/v1/patients?limit=20&name="
            + PREFIXES[random.nextInt(PREFIXES.length)]).statusCode();
      }
    } catch (Exception e) {
      op = "io-error";
      status = 0;
    }
    if (log != null) {
      log.record(op, (System.nanoTime() - start) / 1_000, status);
    }
  }

  private void think() {
    if (thinkMillis > 0) {
      try {
        Thread.sleep((long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble())
            * thinkMillis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
