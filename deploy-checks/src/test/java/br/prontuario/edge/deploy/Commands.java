package br.prontuario.edge.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the tools the checks need (kubectl, terraform, npm, node); a missing one fails loudly. */
final class Commands {

  private Commands() {}

  /** Standard output of a command that must exit 0 within the timeout. */
  static String run(Path dir, long timeoutSeconds, String... command) {
    String what = String.join(" ", command);
    try {
      Path err = Files.createTempFile("deploy-checks", ".err");
      try {
        Process process = start(new ProcessBuilder(command).directory(dir.toFile())
            .redirectError(err.toFile()), command[0]);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(what + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(what + " exited " + process.exitValue() + ": "
              + Files.readString(err) + out);
        }
        return out;
      } finally {
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + what, e);
    }
  }

  private static Process start(ProcessBuilder builder, String tool) {
    try {
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException(tool + " is needed on the PATH for deploy-checks ("
          + List.of("kubectl: kustomize v5", "terraform: fmt", "node/npm: @cdktf/hcl2json")
          + "): " + e.getMessage(), e);
    }
  }
}
