package br.prontuario.edge.localcluster.backup;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.ServiceUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code pgbackrest} command with one configuration file, as the database user (like
 * PostgreSQL: the repositories and data folders are that user's, and pgBackRest refuses to
 * write a repository as another user than the one that created it).
 */
public final class PgBackRest {

  /** What one pgbackrest command printed and how it ended. */
  public record Outcome(List<String> command, int exitCode, String output) {

    public boolean ok() {
      return exitCode == 0;
    }

    /** The output, or an exception naming the command and pgBackRest's own message. */
    public String orThrow() {
      if (!ok()) {
        throw new IllegalStateException("pgbackrest " + command.get(command.size() - 1)
            + " failed (exit " + exitCode + "): " + output.strip());
      }
      return output;
    }
  }

  private final Path config;
  private final String stanza;
  private final Duration timeout;

  public PgBackRest(Path config, String stanza, Duration timeout) {
    this.config = config;
    this.stanza = stanza;
    this.timeout = timeout;
  }

  public Outcome stanzaCreate() {
    return run(List.of(), "stanza-create");
  }

  /** {@code type} full, diff or incr; {@code repo} 1 or 2. */
  public Outcome backup(String type, int repo) {
    return run(List.of("--type=" + type, "--repo=" + repo), "backup");
  }

  public Outcome infoJson() {
    return run(List.of("--output=json"), "info");
  }

  public Outcome info() {
    return run(List.of(), "info");
  }

  /** Checks that the primary's WAL reaches every repository and the configuration is valid. */
  public Outcome check() {
    return run(List.of(), "check");
  }

  /** Point-in-time restore into the configuration's pg1-path; PostgreSQL promotes at the target. */
  public Outcome restoreToTime(String targetTime, int repo) {
    return run(List.of("--type=time", "--target=" + targetTime, "--target-action=promote",
        "--repo=" + repo), "restore");
  }

  Outcome run(List<String> options, String command) {
    Path binary = Binaries.require("pgbackrest", "pgbackrest", "pgbackrest");
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--config=" + config, "--stanza=" + stanza));
    cmd.addAll(options);
    cmd.add(command);
    Path output = null;
    try {
      // output to a file, not a pipe: waitFor's timeout then holds even if the command hangs
      output = Files.createTempFile("pgbackrest-", ".out");
      Process p = new ProcessBuilder(ServiceUser.wrap(cmd)).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Outcome(cmd, -1, "timed out after " + timeout.toSeconds() + " s");
      }
      return new Outcome(cmd, p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Outcome(cmd, -1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(cmd, -1, "interrupted");
    } finally {
      if (output != null) {
        output.toFile().delete();
      }
    }
  }
}
