package br.prontuario.edge.ctl.drill.restore;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.drill.scenario.ClusterFile;
import br.prontuario.edge.drill.scenario.ControllerApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl drill restore [--runs N] [--json]}: point-in-time restores under load, checked note
 * by note. Runs alternate between the witness's repository and the encrypted off-site one. Each run
 * is posted to the failover controller (every replica) like the failover drills' runs; the report
 * goes to {@code DIR/drills/restore-<time>.json}; exit 0 when every run was exact.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Restore drill: write under load, mark a moment, restore to it into a scratch "
        + "server, check exactly the notes acknowledged before it are there.")
public final class RestoreDrillCommand implements Callable<Integer> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Option(names = "--runs", defaultValue = "1", description = "runs (1-10), default 1")
  int runs;

  @Option(names = "--clients", defaultValue = "4", description = "concurrent clinicians (1-64), default 4")
  int clients;

  // the controller's schedule starts every drill with --json (edge.drill.schedule.command)
  @Option(names = "--json", description = "one JSON object per run, then the summary")
  boolean json;

  @Override
  public Integer call() {
    if (runs < 1 || runs > 10) {
      throw new IllegalArgumentException("--runs must be between 1 and 10");
    }
    var cluster = options.existingCluster();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemUTC();
    ClusterFile clusterFile = ClusterFile.read(cluster.stateDir());
    Optional<ControllerApi> controller = ControllerApi.of(clusterFile, clock);
    RestoreDrill drill = new RestoreDrill(cluster, clusterFile, clients, clock, line -> {
      err.println("drill: " + line);
      err.flush();
    });
    String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(clock.instant());
    Path drills = cluster.stateDir().resolve("drills");
    List<RestoreRun> done = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      int repo = run % 2 == 1 ? 1 : 2;
      RestoreRun r = drill.run(run, repo, drills.resolve("restore-" + stamp + "-run" + run));
      done.add(r);
      controller.map(c -> c.postRestoreRun(r.passed(), r.notes().missingBefore(), r.archiveLag(),
              r.restoreTime().plus(r.recoveryTime())))
          .ifPresent(problem -> err.println("drill: could not report run " + r.run() + " to the controller: " + problem));
      if (json) {
        out.println(JSON.writeValueAsString(runObject(r)));
      } else {
        text(r, out);
      }
      out.flush();
    }
    Path report = write(drills.resolve("restore-" + stamp + ".json"), done);
    long exact = done.stream().filter(RestoreRun::passed).count();
    if (json) {
      out.println(JSON.writeValueAsString(Map.of("summary",
          Map.of("runs", done.size(), "passedRuns", exact, "passed", exact == done.size()), "report", report.toString())));
    } else {
      out.printf("restore drill: %d/%d runs exact; report %s%n", exact, done.size(), report);
    }
    out.flush();
    return exact == done.size() ? 0 : 1;
  }

  private static void text(RestoreRun r, PrintWriter out) {
    out.printf("run %d (repo%d): %s — restore %.1f s (copy %.1f s + replay %.1f s), databases %d MB, "
            + "archive lag %.1f s; notes acknowledged before the mark %d (missing %d), sent after %d "
            + "(present %d), in flight %d; audit chain %s%n",
        r.run(), r.repo(), r.passed() ? "PASS" : "FAIL",
        (r.restoreTime().toMillis() + r.recoveryTime().toMillis()) / 1000.0, r.restoreTime().toMillis() / 1000.0,
        r.recoveryTime().toMillis() / 1000.0, r.databaseBytes() / (1024 * 1024), r.archiveLag().toMillis() / 1000.0,
        r.notes().ackedBefore(), r.notes().missingBefore(), r.notes().sentAfter(), r.notes().presentAfter(),
        r.notes().inFlight(), r.auditIntact() ? "intact" : "BROKEN (" + r.auditDetail() + ")");
  }

  static Map<String, Object> runObject(RestoreRun r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", r.run());
    m.put("repo", r.repo());
    m.put("passed", r.passed());
    m.put("mark", r.mark().toString());
    m.put("archiveLagMs", r.archiveLag().toMillis());
    m.put("restoreMs", r.restoreTime().toMillis());
    m.put("recoveryMs", r.recoveryTime().toMillis());
    m.put("databaseBytes", r.databaseBytes());
    m.put("notes", r.notes());
    m.put("auditIntact", r.auditIntact());
    return m;
  }

  private static Path write(Path file, List<RestoreRun> runs) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("scenario", "restore");
    report.put("runs", runs.stream().map(RestoreDrillCommand::runObject).toList());
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
