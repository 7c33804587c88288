package br.prontuario.edge.controller.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.redis.RedisServer;
import br.prontuario.edge.testsupport.servers.SharedRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real redis-sentinel watching the shared real redis-server. */
class SentinelClientIT {

  @TempDir static Path dir;
  static ManagedProcess sentinel;
  static int sentinelPort;
  static RedisServer redis;

  @BeforeAll
  static void startSentinel() throws IOException {
    redis = SharedRedis.server();
    sentinelPort = FreePorts.next();
    Path conf = dir.resolve("sentinel.conf");
    Files.writeString(conf, String.join("\n",
        "port " + sentinelPort, "bind 127.0.0.1", "protected-mode no", "dir " + dir,
        "sentinel monitor edge 127.0.0.1 " + redis.port() + " 1", ""));
    Path binary = Binaries.require("redis-sentinel", "redis-sentinel", "redis");
    sentinel = ManagedProcess.start("sentinel", List.of(binary.toString(), conf.toString()), dir,
        dir.resolve("sentinel.log"), Map.of());
    sentinel.awaitPort(sentinelPort, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stopSentinel() {
    sentinel.stop(Duration.ofSeconds(5));
  }

  @Test
  void findsTheMasterThroughTheFirstSentinelThatAnswers() {
    SentinelClient client = new SentinelClient(
        List.of("127.0.0.1:" + FreePorts.next(), "127.0.0.1:" + sentinelPort), "edge", Duration.ofSeconds(2));

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(client.masterAddress()).contains("127.0.0.1:" + redis.port()));
  }

  @Test
  void answersEmptyForAMasterNameSentinelDoesNotWatch() {
    SentinelClient client = new SentinelClient(List.of("127.0.0.1:" + sentinelPort), "other", Duration.ofSeconds(2));

    assertThat(client.masterAddress()).isEmpty();
  }
}
