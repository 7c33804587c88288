package br.prontuario.edge.localcluster.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real redis-server per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedRedis {

  private static RedisServer server;

  private SharedRedis() {}

  public static synchronized RedisServer server() {
    if (server == null) {
      try {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        Files.createDirectories(target);
        server = RedisServer.start(Files.createTempDirectory(target, "redis-"));
        RedisServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-shared-redis"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }
}
