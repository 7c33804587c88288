package br.prontuario.edge.testsupport.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh folders for test servers under the module's {@code target/}: cleaned by the build, kept
 * after a failure for the logs, and reachable by the unprivileged user PostgreSQL runs as
 * (unlike a JUnit {@code @TempDir} in a private /tmp).
 */
final class TargetFolders {

  private TargetFolders() {}

  static Path fresh(String prefix) {
    try {
      Path target = Path.of(System.getProperty("user.dir"), "target");
      Files.createDirectories(target);
      return Files.createTempDirectory(target, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops {@code server} when the test JVM exits. */
  static <T extends AutoCloseable> T stopAtExit(T server, String name) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        throw new IllegalStateException(name + " did not stop", e);
      }
    }, "stop-" + name));
    return server;
  }
}
