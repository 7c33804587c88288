package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.drill.bench.ApiBench;
import br.prontuario.edge.drill.bench.AppJvm;
import br.prontuario.edge.drill.bench.BenchUser;
import br.prontuario.edge.drill.bench.PgbenchCeiling;
import br.prontuario.edge.drill.scenario.ClusterFile;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl bench api [--clinicians 200] [--think 1s] [--minutes N] [--json]}: the
 * clinicians' mix through the cluster's entry point as a Gatling simulation (api-load), then
 * pgbench -N and -S on the same primary; prints the figures and ratios and writes them to
 * {@code DIR/bench/api-<time>.json}, next to Gatling's HTML report.
 */
@Command(name = "api", mixinStandardHelpOptions = true,
    description = {"The records API under the clinicians' mix (35 %% read patient, 35 %% read notes,",
        "20 %% write note, 10 %% search), each clinician its own login, then the database's own",
        "ceiling with pgbench -N / -S at the same client count; prints p50/p95/p99 per",
        "operation, the pgbench figures, the two ratios and the load average."})
public final class BenchApiCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Option(names = "--clinicians", defaultValue = "200", description = "virtual clinicians (1-500), default 200")
  int clinicians;

  @Option(names = "--think", defaultValue = "1s",
      description = "mean think time between actions (e.g. 1s, 500ms, 0 for saturation), default 1s")
  String think;

  @Option(names = "--minutes", defaultValue = "2", description = "measured minutes (1-60), default 2")
  int minutes;

  @Option(names = "--warmup-seconds", defaultValue = "20", description = "not measured, default 20")
  int warmupSeconds;

  @Option(names = "--pgbench-seconds", defaultValue = "30", description = "each pgbench run, default 30")
  int pgbenchSeconds;

  @Option(names = "--dataset", defaultValue = "none",
      description = "none (what the cluster has) or hospital: 500k patients, 5M notes, 20M audit"
          + " rows loaded first (only what is missing), default none")
  String dataset;

  @Option(names = "--dataset-seed", defaultValue = "20261202", description = "the dataset's seed")
  long datasetSeed;

  @Option(names = "--dataset-scale", defaultValue = "1",
      description = "a fraction of the hospital's size (0.001-1), default 1")
  double datasetScale;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    validate();
    Path clusterDir = dir != null ? dir.toAbsolutePath()
        : Path.of(System.getProperty("edge.home", ".")).resolve(".state/cluster").toAbsolutePath()
            .normalize();
    ClusterFile cluster = ClusterFile.read(clusterDir);
    if (cluster.production()) {
      throw new IllegalStateException("refusing to load a production deployment with bench users");
    }
    BenchDatabase database = new BenchDatabase(ClusterDescriptor.read(clusterDir).database());
    PrintWriter err = spec.commandLine().getErr();
    err.println("bench: creating " + clinicians + " logins, preparing pgbench");
    err.flush();
    String datasetNote = "as the cluster has it";
    if (dataset.equals("hospital")) {
      HospitalDataset.Size size = HospitalDataset.Size.hospital().scaled(datasetScale);
      err.println("bench: loading the hospital dataset (seed " + datasetSeed + ", " + size + ")");
      err.flush();
      HospitalDataset.Loaded loaded = database.load(new HospitalDataset(datasetSeed, size,
          Instant.now()), line -> {
            err.println("bench: " + line);
            err.flush();
          });
      datasetNote = "hospital, seed " + datasetSeed + ", " + size.patients() + " patients, "
          + size.notes() + " notes, " + size.auditRows() + " audit rows";
      err.printf("bench: dataset loaded in %.0f s (added %d patients, %d notes, %d audit rows)%n",
          loaded.seconds(), loaded.patients(), loaded.notes(), loaded.auditRows());
      err.flush();
    }
    List<BenchUser> users = database.clinicians(clinicians);
    Path work = clusterDir.resolve("bench");
    Files.createDirectories(work);
    PgbenchCeiling ceiling = new PgbenchCeiling(database.pgbenchTarget(), work);
    if (!database.pgbenchInitialised()) {
      ceiling.initialize(10);
    }
    int pgClients = database.pgbenchClients(clinicians);
    ApiBench.Report report = new ApiBench(new ApiBench.Settings(cluster.entrypoint(),
        cluster.caCertificate(), users, parseThink(), Duration.ofSeconds(warmupSeconds),
        Duration.ofMinutes(minutes), pgClients, pgbenchSeconds, apiLoadTarget(), work,
        AppJvm.options(clusterDir), false, datasetNote), line -> {
          err.println("bench: " + line);
          err.flush();
        }).run(ceiling);
    String asJson = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValueAsString(report);
    Path file = work.resolve("api-" + Instant.now().toString().replace(':', '-') + ".json");
    write(file, asJson);
    spec.commandLine().getOut().println(json ? asJson : ApiBench.text(report)
        + "report: " + file);
    return 0;
  }

  private void validate() {
    if (clinicians < 1 || clinicians > 500) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--clinicians must be 1-500");
    }
    if (minutes < 1 || minutes > 60) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--minutes must be 1-60");
    }
    if (warmupSeconds < 0 || pgbenchSeconds < 5) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--warmup-seconds must be >= 0 and --pgbench-seconds >= 5");
    }
    parseThink();
    if (!dataset.equals("none") && !dataset.equals("hospital")) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--dataset must be none or hospital, not " + dataset);
    }
    if (datasetScale < 0.001 || datasetScale > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--dataset-scale must be 0.001-1");
    }
  }

  /** The api-load module's build, next to this CLI's (bin/edgectl builds both). */
  static Path apiLoadTarget() {
    return Path.of(System.getProperty("edge.home", ".")).resolve("api-load/target")
        .toAbsolutePath().normalize();
  }

  Duration parseThink() {
    return parseThink(spec.commandLine(), think);
  }

  /** "1s", "500ms", "0": a Duration, or a one-line error. */
  static Duration parseThink(CommandLine command, String think) {
    String t = think.strip().toLowerCase();
    try {
      if (t.equals("0")) {
        return Duration.ZERO;
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      if (t.endsWith("s")) {
        return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1))
            * 1000));
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw new CommandLine.ParameterException(command,
        "--think must look like 1s, 500ms or 0, not " + think);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
