package br.prontuario.edge.drill.bench;

import br.prontuario.edge.localcluster.tls.ClusterTrust;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl bench api}: the clinicians' mix through the entry point, each clinician its own
 * login and thread, then in the same run the database's ceiling with pgbench at the same client
 * count (capped by the primary's free connections), and the two ratios the issue asks for.
 */
public final class ApiBench {

  private static final JsonMapper JSON = JsonMapper.shared();

  /** What to run. */
  public record Settings(URI entrypoint, Path caCertificate, List<BenchUser> users,
      Duration think, Duration warmup, Duration measure, int pgbenchClients, int pgbenchSeconds) {}

  /** What one run measured; written as JSON by the CLI. */
  public record Report(String startedAt, int clinicians, long thinkMillis, long measuredSeconds,
      int patients, Map<String, Latencies.Summary> operations, Latencies.Summary all,
      Latencies.Summary reads, Map<String, Long> non2xx, long loginFailures,
      PgbenchCeiling.Result pgbenchN, PgbenchCeiling.Result pgbenchS,
      double writeThroughputOverPgbenchN, double readP95OverPgbenchSP95,
      LoadAverage.Figures loadAverage) {}

  private final Settings settings;
  private final Consumer<String> progress;

  public ApiBench(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public Report run(PgbenchCeiling ceiling) throws InterruptedException {
    HttpClient http = ClusterTrust.httpClient(settings.caCertificate())
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    List<String> patients = findPatients(http, settings.users().get(0));
    String started = Instant.now().toString();
    MixRecorder recorder = new MixRecorder();
    LoadAverage.Figures load;
    try (LoadAverage loadAverage = new LoadAverage()) {
      progress.accept(settings.users().size() + " clinicians, " + patients.size()
          + " patients, think " + settings.think().toMillis() + " ms: warm-up "
          + settings.warmup().toSeconds() + " s, then " + settings.measure().toSeconds() + " s");
      runClinicians(http, patients, recorder);
      progress.accept("pgbench -N and -S, " + settings.pgbenchClients() + " clients, "
          + settings.pgbenchSeconds() + " s each");
      PgbenchCeiling.Result writes = ceiling.run("-N", settings.pgbenchClients(),
          settings.pgbenchSeconds());
      PgbenchCeiling.Result reads = ceiling.run("-S", settings.pgbenchClients(),
          settings.pgbenchSeconds());
      load = loadAverage.figures();
      return report(started, patients.size(), recorder, writes, reads, load);
    }
  }

  private void runClinicians(HttpClient http, List<String> patients, MixRecorder recorder)
      throws InterruptedException {
    List<BenchClinician> clinicians = new ArrayList<>();
    for (BenchUser user : settings.users()) {
      clinicians.add(new BenchClinician(http, settings.entrypoint(), user, patients,
          settings.think(), recorder));
    }
    logIn(clinicians, recorder);
    long measureFrom = System.nanoTime() + settings.warmup().toNanos();
    long end = measureFrom + settings.measure().toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clinicians.size());
    clinicians.forEach(c -> pool.execute(c.during(measureFrom, end)));
    pool.shutdown();
    if (!pool.awaitTermination(settings.warmup().plus(settings.measure()).toSeconds() + 120,
        TimeUnit.SECONDS)) {
      pool.shutdownNow();
    }
  }

  /** Every clinician logs in before the clock starts (the API throttles logins per address). */
  private void logIn(List<BenchClinician> clinicians, MixRecorder recorder)
      throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + TimeUnit.MINUTES.toNanos(10);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(clinicians.size(), 16));
    for (BenchClinician clinician : clinicians) {
      pool.execute(() -> {
        try {
          clinician.login(deadline);
        } catch (IOException e) {
          recorder.loginFailed();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(11, TimeUnit.MINUTES);
    progress.accept(clinicians.size() + " logins in "
        + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s ("
        + recorder.loginFailures() + " failed)");
  }

  private Report report(String started, int patients, MixRecorder recorder,
      PgbenchCeiling.Result pgN, PgbenchCeiling.Result pgS, LoadAverage.Figures load) {
    double seconds = settings.measure().toMillis() / 1000.0;
    Map<String, Latencies.Summary> operations = new LinkedHashMap<>();
    for (Operation op : Operation.values()) {
      operations.put(op.label(), recorder.of(op).summary(seconds));
    }
    Latencies.Summary reads = recorder.combined(op -> op == Operation.READ_PATIENT
        || op == Operation.READ_NOTES).summary(seconds);
    double writeRatio = pgN.tps() == 0 ? 0
        : operations.get(Operation.WRITE_NOTE.label()).perSecond() / pgN.tps();
    double readRatio = pgS.p95Ms() == 0 ? 0 : reads.p95Ms() / pgS.p95Ms();
    return new Report(started, settings.users().size(), settings.think().toMillis(),
        settings.measure().toSeconds(), patients, operations,
        recorder.combined(op -> true).summary(seconds), reads, recorder.non2xx(),
        recorder.loginFailures(), pgN, pgS, writeRatio, readRatio, load);
  }

  /** Patient ids to work on, found the way a clinician would: name-prefix searches. */
  private List<String> findPatients(HttpClient http, BenchUser user) throws InterruptedException {
    try {
      HttpResponse<String> login = http.send(HttpRequest.newBuilder(
              settings.entrypoint().resolve("/api/v1/auth/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
              Map.of("username", user.username(), "password", user.password())))).build(),
          HttpResponse.BodyHandlers.ofString());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("bench login failed: HTTP " + login.statusCode());
      }
      String token = JSON.readTree(login.body()).path("accessToken").asString();
      Set<String> ids = new LinkedHashSet<>();
      for (String prefix : BenchClinician.PREFIXES) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(settings.entrypoint()
                .resolve("/api/v1/patients?limit=100&name=" + prefix))
            .header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        JSON.readTree(page.body()).path("items").forEach(p -> ids.add(p.path("id").asString()));
      }
      if (ids.isEmpty()) {
        throw new IllegalStateException("no patients found through the entry point (edgectl up"
            + " seeds demo patients)");
      }
      return new ArrayList<>(ids);
    } catch (IOException e) {
      throw new IllegalStateException("entry point not answering: " + e.getMessage(), e);
    }
  }

  /** The report as the CLI prints it without --json. */
  public static String text(Report r) {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%d clinicians, think %d ms, %d s measured, %d patients%n",
        r.clinicians(), r.thinkMillis(), r.measuredSeconds(), r.patients()));
    out.append(String.format("%-13s %8s %9s %8s %8s %8s %8s%n", "operation", "count", "req/s",
        "p50 ms", "p95 ms", "p99 ms", "non-2xx"));
    Map<String, Latencies.Summary> rows = new LinkedHashMap<>(r.operations());
    rows.put("reads", r.reads());
    rows.put("all", r.all());
    for (Entry<String, Latencies.Summary> row : rows.entrySet()) {
      Latencies.Summary s = row.getValue();
      out.append(String.format("%-13s %8d %9.1f %8.1f %8.1f %8.1f %8d%n", row.getKey(),
          s.count(), s.perSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.failures()));
    }
    for (PgbenchCeiling.Result pg : List.of(r.pgbenchN(), r.pgbenchS())) {
      out.append(String.format("pgbench %s: %d clients, %.1f tps, p50 %.2f / p95 %.2f / p99 %.2f"
          + " ms%n", pg.mode(), pg.clients(), pg.tps(), pg.p50Ms(), pg.p95Ms(), pg.p99Ms()));
    }
    out.append(String.format("API write throughput / pgbench -N tps: %.3f%n",
        r.writeThroughputOverPgbenchN()));
    out.append(String.format("API read p95 / pgbench -S p95: %.1f%n", r.readP95OverPgbenchSP95()));
    out.append(String.format("load average (1 min) during the run: min %.1f, mean %.1f, max %.1f"
        + " on %d CPUs%n", r.loadAverage().min(), r.loadAverage().mean(), r.loadAverage().max(),
        r.loadAverage().cpus()));
    if (!r.non2xx().isEmpty() || r.loginFailures() > 0) {
      out.append("non-2xx: ").append(r.non2xx()).append(", failed logins: ")
          .append(r.loginFailures()).append('\n');
    }
    return out.toString();
  }
}
