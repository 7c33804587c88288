package br.prontuario.edge.localcluster.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL server per test JVM, started on first use under {@code target/} and
 * stopped when the JVM exits. Each test class takes its own database from it.
 */
public final class SharedPostgres {

  private static PostgresServer server;

  private SharedPostgres() {}

  public static synchronized PostgresServer server() {
    if (server == null) {
      try {
        Path base = Files.createTempDirectory(Path.of(targetDir()), "pg-");
        server = PostgresServer.start(base);
        PostgresServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-postgres"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A fresh database on the shared server, for one test class. */
  public static String database(String name) {
    return server().createDatabase(name);
  }

  private static String targetDir() throws IOException {
    Path target = Path.of(System.getProperty("user.dir"), "target");
    Files.createDirectories(target);
    return target.toString();
  }
}
