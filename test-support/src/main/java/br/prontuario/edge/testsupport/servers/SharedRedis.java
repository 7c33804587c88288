package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.redis.RedisServer;

/** One real redis-server per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedRedis {

  private static RedisServer server;

  private SharedRedis() {}

  public static synchronized RedisServer server() {
    if (server == null) {
      server = TargetFolders.stopAtExit(RedisServer.start(TargetFolders.fresh("redis-")),
          "shared-redis");
    }
    return server;
  }
}
