package br.prontuario.edge.testsupport.servers;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.redis.RedisServer;
import br.prontuario.edge.site.resp.RespClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Redis master, its replica and three Sentinels (quorum 2) on loopback, for tests of what
 * clients do when the master hangs or dies. Each instance is its own group, closed by the test.
 */
public final class SentinelRedis implements AutoCloseable {

  public static final String MASTER_NAME = "edge";

  private final RedisServer master;
  private final RedisServer replica;
  private final List<ManagedProcess> sentinels = new ArrayList<>();
  private final List<String> sentinelAddresses = new ArrayList<>();

  private SentinelRedis(Path root) {
    master = RedisServer.start(root.resolve("master"), FreePorts.next(), null);
    replica = RedisServer.start(root.resolve("replica"), FreePorts.next(), master.port());
    for (int i = 1; i <= 3; i++) {
      startSentinel(root.resolve("sentinel-" + i));
    }
  }

  public static SentinelRedis start() {
    return new SentinelRedis(TargetFolders.fresh("sentinel-redis-"));
  }

  public RedisServer master() {
    return master;
  }

  public RedisServer replica() {
    return replica;
  }

  /** "127.0.0.1:port" of each Sentinel, as {@code spring.data.redis.sentinel.nodes} takes them. */
  public List<String> sentinels() {
    return List.copyOf(sentinelAddresses);
  }

  /** SIGSTOP: a hung machine whose sockets stay open. */
  public void freezeMaster() {
    signal("STOP");
  }

  public void thawMaster() {
    signal("CONT");
  }

  /** Waits until a Sentinel names the replica as master. */
  public void awaitReplicaPromoted(Duration timeout) {
    RespClient resp = new RespClient(Duration.ofSeconds(1));
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (resp.masterAddress(sentinels(), MASTER_NAME)
          .filter(a -> a.endsWith(":" + replica.port())).isPresent()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new AssertionError("no Sentinel promoted the replica on " + replica.port() + " within " + timeout);
  }

  @Override
  public void close() {
    thawMaster();
    sentinels.forEach(s -> s.stop(Duration.ofSeconds(5)));
    replica.close();
    master.close();
  }

  private void startSentinel(Path dir) {
    int port = FreePorts.next();
    try {
      Files.createDirectories(dir);
      Path conf = dir.resolve("sentinel.conf");
      // Sentinel rewrites its file, so it gets its own writable copy
      Files.writeString(conf, String.join("\n",
          "port " + port, "bind 127.0.0.1", "dir " + dir, "daemonize no",
          "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
          "sentinel down-after-milliseconds " + MASTER_NAME + " 2000",
          "sentinel failover-timeout " + MASTER_NAME + " 10000", ""));
      ManagedProcess sentinel = ManagedProcess.start("sentinel-" + port,
          List.of(Binaries.require("redis-sentinel", "redis-sentinel", "redis").toString(),
              conf.toString()), dir, dir.resolve("sentinel.log"), Map.of());
      sentinels.add(sentinel);
      sentinel.awaitPort(port, Duration.ofSeconds(20));
      sentinelAddresses.add("127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void signal(String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(master.process().pid()))
          .inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
