package br.prontuario.edge.localcluster.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of PostgreSQL binaries and the version its {@code postgres} reports, as
 * {@code server_version_num} (15.14 → 150014), the number Patroni reports for a running server.
 */
public record PostgresBinaries(Path dir, int versionNum) {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)\\.(\\d+)");

  public int major() {
    return versionNum / 10_000;
  }

  public static String display(int versionNum) {
    return versionNum / 10_000 + "." + versionNum % 10_000;
  }

  /**
   * Runs {@code DIR/postgres --version} (allowed as root: it exits before the root check).
   *
   * @throws IllegalArgumentException when the folder holds no {@code postgres} that says its version
   */
  public static PostgresBinaries probe(Path dir) {
    Path postgres = dir.resolve("postgres");
    if (!Files.isExecutable(postgres)) {
      throw new IllegalArgumentException(dir + " has no executable postgres");
    }
    String said;
    try {
      Process process = new ProcessBuilder(postgres.toString(), "--version")
          .redirectErrorStream(true).start();
      said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalArgumentException(postgres + " --version failed: " + said);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot run " + postgres + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    Matcher m = VERSION.matcher(said);
    if (!m.find()) {
      throw new IllegalArgumentException(postgres + " --version said \"" + said
          + "\", not a PostgreSQL version");
    }
    return new PostgresBinaries(dir, Integer.parseInt(m.group(1)) * 10_000
        + Integer.parseInt(m.group(2)));
  }
}
