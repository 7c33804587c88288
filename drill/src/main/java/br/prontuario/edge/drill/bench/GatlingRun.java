package br.prontuario.edge.drill.bench;

import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.site.tls.ClientTls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs the api-load module's Gatling simulation in a JVM of its own (Gatling brings Netty,
 * Jackson 2 and Scala, which must not meet edgectl's classpath), with the clinicians already
 * logged in, and returns the folder of Gatling's HTML report.
 */
final class GatlingRun {

  static final String SIMULATION = "br.prontuario.edge.load.ClinicianMixSimulation";

  /** Where the api-load module was built, and where this run keeps its files. */
  record Layout(Path apiLoadTarget, Path workDir) {

    List<String> classpath() {
      Path lib = apiLoadTarget.resolve("lib");
      try (Stream<Path> jars = Files.list(apiLoadTarget)) {
        Path own = jars.filter(p -> p.getFileName().toString().matches("api-load-.*\\.jar"))
            .findFirst().orElseThrow(() -> new IllegalStateException("api-load is not built in "
                + apiLoadTarget + "; run ./mvnw -DskipTests package"));
        if (!Files.isDirectory(lib)) {
          throw new IllegalStateException("Gatling's libraries are not in " + lib
              + "; run ./mvnw -DskipTests package");
        }
        return List.of(own.toString(), lib + "/*");
      } catch (IOException e) {
        throw new IllegalStateException("api-load is not built in " + apiLoadTarget
            + "; run ./mvnw -DskipTests package", e);
      }
    }
  }

  private final Layout layout;
  private final Consumer<String> progress;

  GatlingRun(Layout layout, Consumer<String> progress) {
    this.layout = layout;
    this.progress = progress;
  }

  /** Runs the mix and returns the report folder; the clinicians' tokens are deleted after. */
  Path run(URI entrypoint, Path caCertificate, List<BenchLogins.Session> clinicians,
      List<String> patients, Duration think, Duration warmup, Duration measure, boolean emergency)
      throws InterruptedException {
    Path results = layout.workDir().resolve("gatling");
    Path cliniciansCsv = layout.workDir().resolve("gatling-clinicians.csv");
    Path patientsCsv = layout.workDir().resolve("gatling-patients.csv");
    Path trustStore = layout.workDir().resolve("gatling-truststore.p12");
    try {
      Files.createDirectories(results);
      ConfigFiles.writeSecret(cliniciansCsv, cliniciansCsv(clinicians));
      Files.writeString(patientsCsv, "patient\n" + String.join("\n", patients) + "\n");
      writeTrustStore(caCertificate, trustStore);
      // the JVM options Gatling's own launchers use: its log writer reads String internals
      List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms256m", "-Xmx1g",
          "-XX:+HeapDumpOnOutOfMemoryError", "-XX:MaxInlineLevel=20", "-XX:MaxTrivialSize=12",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "-cp", String.join(java.io.File.pathSeparator, layout.classpath()),
          "-Dbench.entrypoint=" + entrypoint.toString().replaceAll("/$", ""),
          "-Dbench.clinicians-csv=" + cliniciansCsv,
          "-Dbench.patients-csv=" + patientsCsv,
          "-Dbench.clinicians=" + clinicians.size(),
          "-Dbench.think-ms=" + think.toMillis(),
          "-Dbench.warmup-seconds=" + warmup.toSeconds(),
          "-Dbench.measure-seconds=" + measure.toSeconds(),
          "-Dbench.mode=" + (emergency ? "emergency" : "edge"),
          "-Dgatling.ssl.trustStore.type=PKCS12",
          "-Dgatling.ssl.trustStore.file=" + trustStore,
          "-Dgatling.ssl.trustStore.password=" + TRUST_STORE_PASSWORD,
          "io.gatling.app.Gatling", "--simulation", SIMULATION,
          "--results-folder", results.toString(), "--launcher", "edgectl",
          "--run-description", clinicians.size() + " clinicians, think " + think.toMillis()
              + " ms, " + measure.toSeconds() + " s measured"));
      Path log = layout.workDir().resolve("gatling.log");
      progress.accept("Gatling: " + clinicians.size() + " clinicians for "
          + warmup.plus(measure).toSeconds() + " s (console output in " + log + ")");
      Process gatling = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      long limit = warmup.plus(measure).toSeconds() + 300;
      if (!gatling.waitFor(limit, TimeUnit.SECONDS)) {
        gatling.destroyForcibly();
        throw new IllegalStateException("Gatling did not finish in " + limit + " s; see " + log);
      }
      if (gatling.exitValue() != 0) {
        throw new IllegalStateException("Gatling exited with " + gatling.exitValue() + "; see "
            + log);
      }
      return newestReport(results);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(cliniciansCsv); // live access and refresh tokens
    }
  }

  static String cliniciansCsv(List<BenchLogins.Session> clinicians) {
    StringBuilder csv = new StringBuilder("username,accessToken,refreshToken,tokenIssuedAt\n");
    for (BenchLogins.Session s : clinicians) {
      csv.append(s.username()).append(',').append(s.accessToken()).append(',')
          .append(s.refreshToken()).append(',').append(s.issuedAtMillis()).append('\n');
    }
    return csv.toString();
  }

  private static final String TRUST_STORE_PASSWORD = "bench-trust"; // guards nothing secret

  /** The cluster CA alone, as a PKCS#12 trust store file Gatling's Netty can read. */
  static void writeTrustStore(Path caPem, Path store) throws IOException {
    try (var out = Files.newOutputStream(store)) {
      ClientTls.trustStore(caPem).store(out, TRUST_STORE_PASSWORD.toCharArray());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the cluster CA " + caPem + ": "
          + e.getMessage(), e);
    }
  }

  private static Path newestReport(Path results) throws IOException {
    try (Stream<Path> runs = Files.list(results)) {
      return runs.filter(p -> Files.isRegularFile(p.resolve("index.html")))
          .max(Comparator.comparing(p -> p.toFile().lastModified()))
          .orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + results));
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the folder is the operator's; the tokens expire in 15 minutes anyway
    }
  }
}
