package br.prontuario.edge.node.bench;

import br.prontuario.edge.localcluster.postgres.PostgresServer;
import br.prontuario.edge.localcluster.redis.RedisServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL and Redis for a benchmark run (the same launchers the tests use) and
 * prints the edge-node flags to point at them; stops both on Ctrl-C. Not a test.
 */
public final class BenchCluster {

  private BenchCluster() {}

  public static void main(String[] args) throws Exception {
    Path target = Path.of(System.getProperty("user.dir"), "target");
    Files.createDirectories(target);
    PostgresServer postgres = PostgresServer.start(Files.createTempDirectory(target, "bench-pg-"));
    String url = postgres.createDatabase("prontuario");
    RedisServer redis = RedisServer.start(Files.createTempDirectory(target, "bench-redis-"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      redis.close();
      postgres.close();
    }));
    System.out.println("--spring.datasource.url=" + url + " --spring.datasource.username=postgres"
        + " --spring.data.redis.host=127.0.0.1 --spring.data.redis.port=" + redis.port());
    System.out.flush();
    Thread.currentThread().join();
  }
}
