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
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl bench api}: the clinicians' mix through the entry point, each clinician its own
 * login and thread, then in the same run the database's ceiling with pgbench at the same client
 * count (capped by the primary's free connections), and the two ratios the issue asks for.
 * {@code edgectl bench cloud}: the same mix against an activated cloud-fallback (emergency
 * mode), without the ceiling.
 */
public final class ApiBench {

  private static final JsonMapper JSON = JsonMapper.shared();
  /** Where the patients to work on come from: the simulation's own name prefixes. */
  private static final String[] SEARCH_PREFIXES = {"an", "jo", "ma", "jos", "fr", "ca", "ju",
      "pa", "lu", "fe", "pe", "ra", "al", "mar", "li"};

  /** What to run. */
  public record Settings(URI entrypoint, Path caCertificate, List<BenchUser> users,
      Duration think, Duration warmup, Duration measure, int pgbenchClients, int pgbenchSeconds,
      Path apiLoadTarget, Path workDir, Map<String, List<String>> appJvmOptions,
      boolean emergency, String dataset) {}

  /** What one run measured; written as JSON by the CLI. No pgbench figures in emergency mode. */
  public record Report(String startedAt, int clinicians, long thinkMillis, long measuredSeconds,
      int patients, Map<String, OperationFigures> operations, OperationFigures all,
      OperationFigures reads, Map<String, Long> non2xx, long loginFailures,
      PgbenchCeiling.Result pgbenchN, PgbenchCeiling.Result pgbenchS,
      double writeThroughputOverPgbenchN, double readP95OverPgbenchSP95,
      LoadAverage.Figures loadAverage, String gatlingReport,
      Map<String, List<String>> appJvmOptions, String dataset) {}

  private final Settings settings;
  private final Consumer<String> progress;

  public ApiBench(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** @param ceiling null in emergency mode: the cloud's database is not what is compared */
  public Report run(PgbenchCeiling ceiling) throws InterruptedException {
    HttpClient http = ClusterTrust.httpClient(settings.caCertificate())
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    progress.accept("logging in " + settings.users().size() + " clinicians (the API throttles"
        + " logins per address: about 3 minutes for 200)");
    BenchLogins.Outcome logins = new BenchLogins(http, settings.entrypoint())
        .logIn(settings.users());
    progress.accept(logins.sessions().size() + " logins in " + logins.seconds() + " s ("
        + logins.failures() + " failed)");
    if (logins.sessions().isEmpty()) {
      throw new IllegalStateException("no clinician could log in through the entry point");
    }
    List<String> patients = findPatients(http, logins.sessions().get(0).accessToken());
    String started = Instant.now().toString();
    LoadAverage.Figures load;
    try (LoadAverage loadAverage = new LoadAverage()) {
      Path reportDir = new GatlingRun(new GatlingRun.Layout(settings.apiLoadTarget(),
          settings.workDir()), progress).run(settings.entrypoint(), settings.caCertificate(),
          logins.sessions(), patients, settings.think(), settings.warmup(), settings.measure(),
          settings.emergency());
      GatlingStats stats = GatlingStats.read(reportDir, settings.measure());
      progress.accept("Gatling's report: " + reportDir.resolve("index.html"));
      PgbenchCeiling.Result writes = null;
      PgbenchCeiling.Result reads = null;
      if (ceiling != null) {
        progress.accept("pgbench -N and -S, " + settings.pgbenchClients() + " clients, "
            + settings.pgbenchSeconds() + " s each");
        writes = ceiling.run("-N", settings.pgbenchClients(), settings.pgbenchSeconds());
        reads = ceiling.run("-S", settings.pgbenchClients(), settings.pgbenchSeconds());
      }
      load = loadAverage.figures();
      return report(started, patients.size(), stats, logins.failures(), writes, reads, load,
          reportDir);
    }
  }

  private Report report(String started, int patients, GatlingStats stats, long loginFailures,
      PgbenchCeiling.Result pgN, PgbenchCeiling.Result pgS, LoadAverage.Figures load,
      Path reportDir) {
    Map<String, OperationFigures> operations = new LinkedHashMap<>();
    for (Operation op : Operation.values()) {
      operations.put(op.label(), stats.operation(op));
    }
    OperationFigures reads = stats.reads();
    double writeRatio = pgN == null || pgN.tps() == 0 ? 0
        : operations.get(Operation.WRITE_NOTE.label()).perSecond() / pgN.tps();
    double readRatio = pgS == null || pgS.p95Ms() == 0 ? 0 : reads.p95Ms() / pgS.p95Ms();
    return new Report(started, settings.users().size(), settings.think().toMillis(),
        settings.measure().toSeconds(), patients, operations, stats.all(), reads,
        stats.non2xx(), loginFailures, pgN, pgS, writeRatio, readRatio, load,
        reportDir.resolve("index.html").toString(), settings.appJvmOptions(), settings.dataset());
  }

  /**
   * Patient ids to work on, found the way a clinician would: name-prefix searches (edge-node's
   * {@code ?name=} pages of {@code items}; cloud-fallback's {@code ?q=} list of {@code patients}).
   */
  private List<String> findPatients(HttpClient http, String token) throws InterruptedException {
    try {
      Set<String> ids = new LinkedHashSet<>();
      for (String prefix : SEARCH_PREFIXES) {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(settings.entrypoint()
                .resolve(settings.emergency() ? "/api/v1/patients?q=" + prefix
                    : "/api/v1/patients?limit=100&name=" + prefix))
            .header("Authorization", "Bearer " + token).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        JSON.readTree(page.body()).path(settings.emergency() ? "patients" : "items")
            .forEach(p -> ids.add(p.path("id").asString()));
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
    out.append(String.format("%d clinicians, think %d ms, %d s measured, %d patients, dataset %s%n",
        r.clinicians(), r.thinkMillis(), r.measuredSeconds(), r.patients(), r.dataset()));
    out.append(String.format("%-13s %8s %9s %8s %8s %8s %8s%n", "operation", "count", "req/s",
        "p50 ms", "p95 ms", "p99 ms", "non-2xx"));
    Map<String, OperationFigures> rows = new LinkedHashMap<>(r.operations());
    rows.put("reads", r.reads());
    rows.put("all", r.all());
    for (Entry<String, OperationFigures> row : rows.entrySet()) {
      OperationFigures s = row.getValue();
      out.append(String.format("%-13s %8d %9.1f %8.1f %8.1f %8.1f %8d%n", row.getKey(),
          s.count(), s.perSecond(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.failures()));
    }
    if (r.pgbenchN() != null && r.pgbenchS() != null) {
      for (PgbenchCeiling.Result pg : List.of(r.pgbenchN(), r.pgbenchS())) {
        out.append(String.format("pgbench %s: %d clients, %.1f tps, p50 %.2f / p95 %.2f / p99 %.2f"
            + " ms%n", pg.mode(), pg.clients(), pg.tps(), pg.p50Ms(), pg.p95Ms(), pg.p99Ms()));
      }
      out.append(String.format("API write throughput / pgbench -N tps: %.3f%n",
          r.writeThroughputOverPgbenchN()));
      out.append(String.format("API read p95 / pgbench -S p95: %.1f%n", r.readP95OverPgbenchSP95()));
    }
    out.append(String.format("load average (1 min) during the run: min %.1f, mean %.1f, max %.1f"
        + " on %d CPUs%n", r.loadAverage().min(), r.loadAverage().mean(), r.loadAverage().max(),
        r.loadAverage().cpus()));
    if (AppJvm.c1Only(r.appJvmOptions())) {
      out.append("note: the edge-nodes ran C1-only (-XX:TieredStopAtLevel=1, the local default"
          + " that spares CPU); a production JVM answers faster (docs/benchmarks.md)\n");
    }
    if (!r.non2xx().isEmpty() || r.loginFailures() > 0) {
      out.append("non-2xx: ").append(r.non2xx()).append(", failed logins: ")
          .append(r.loginFailures()).append('\n');
    }
    return out.toString();
  }
}
