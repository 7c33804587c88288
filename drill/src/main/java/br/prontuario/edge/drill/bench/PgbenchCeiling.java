package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's own ceiling, measured with PostgreSQL's pgbench against the primary the API
 * uses: {@code -N} (TPC-B without the hot branch/teller updates: synchronous commits of small
 * writes) and {@code -S} (primary-key reads). Latencies come from pgbench's per-transaction log
 * ({@code -l}), so p50/p95/p99 are computed, not averages.
 */
public final class PgbenchCeiling {

  private static final Pattern TPS = Pattern.compile(
      "tps = ([0-9.]+) \\((?:without initial connection time|excluding connections establishing)\\)");

  /** Where and as whom pgbench connects; {@code database} is the bench's own, not the clinical one. */
  /**
   * @param caCertificate the CA pgbench checks the server's certificate against
   *     ({@code sslmode=verify-full}); null leaves libpq's default ({@code prefer})
   */
  public record Target(String host, int port, String user, String password, String database,
      String caCertificate) {}

  /** One pgbench run: its mode, clients, transactions per second and latency percentiles. */
  public record Result(String mode, int clients, int seconds, long transactions, double tps,
      double p50Ms, double p95Ms, double p99Ms) {}

  private final Target target;
  private final Path workDir;

  public PgbenchCeiling(Target target, Path workDir) {
    this.target = target;
    this.workDir = workDir;
  }

  /** {@code pgbench -i}: creates the pgbench tables at a small scale (10: 1M accounts). */
  public void initialize(int scale) {
    run(List.of("pgbench", "-i", "-q", "-s", Integer.toString(scale)), Limit.init());
  }

  public Result run(String mode, int clients, int seconds) {
    Path logs = workDir.resolve("pgbench" + mode.replace("-", "_"));
    try {
      Files.createDirectories(logs);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + logs, e);
    }
    String output = run(List.of("pgbench", mode, "-c", Integer.toString(clients),
        "-j", Integer.toString(Math.min(clients, 4)), "-T", Integer.toString(seconds),
        "-l", "--log-prefix=" + logs.resolve("tx")), Limit.of(seconds));
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench " + mode + " printed no tps: " + output);
    }
    long[] micros = latencies(logs);
    return new Result(mode, clients, seconds, micros.length, Double.parseDouble(tps.group(1)),
        percentileMs(micros, 0.50), percentileMs(micros, 0.95), percentileMs(micros, 0.99));
  }

  /** Nearest rank over sorted microseconds, in milliseconds; 0 when there are none. */
  static double percentileMs(long[] sortedMicros, double quantile) {
    if (sortedMicros.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(quantile * sortedMicros.length) - 1;
    return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, rank))] / 1000.0;
  }

  /** Per-transaction log lines: client, transaction, latency in µs, script, epoch s, µs. */
  private static long[] latencies(Path logs) {
    List<Long> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(logs)) {
      for (Path file : files.toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          lines.forEach(line -> all.add(Long.parseLong(line.split(" ")[2])));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read pgbench logs in " + logs, e);
    }
    return all.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  private record Limit(long timeoutSeconds) {
    static Limit init() {
      return new Limit(600);
    }

    static Limit of(int seconds) {
      return new Limit(seconds + 120L);
    }
  }

  private String run(List<String> command, Limit limit) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-h", target.host(), "-p", Integer.toString(target.port()), "-U",
        target.user(), target.database()));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("PGPASSWORD", target.password() == null ? "" : target.password());
    if (target.caCertificate() != null) {
      env.put("PGSSLMODE", "verify-full");
      env.put("PGSSLROOTCERT", target.caCertificate());
    }
    try {
      Process process = builder.start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(limit.timeoutSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish");
      }
      String text = new String(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + text.strip());
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run pgbench (is it on the PATH?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running pgbench", e);
    }
  }
}
