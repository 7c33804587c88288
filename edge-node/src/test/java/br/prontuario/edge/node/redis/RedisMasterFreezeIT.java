package br.prontuario.edge.node.redis;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.node.EdgeNodeApplication;
import br.prontuario.edge.testsupport.http.TestHttp;
import br.prontuario.edge.testsupport.servers.SentinelRedis;
import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Login needs Redis (the throttle). When the Redis master's machine hangs (SIGSTOP: its sockets
 * stay open), Sentinel promotes the replica; the edge-node must follow it instead of waiting on
 * the frozen master (Lettuce's default: 60 s per command, on the same connection, forever).
 */
@SpringBootTest(classes = EdgeNodeApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisMasterFreezeIT {

  private static final String SECRET = "dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaC0xMjM0NTY3OA==";
  private static final SentinelRedis REDIS = SentinelRedis.start();

  @DynamicPropertySource
  static void edgeNode(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> SharedPostgres.database("edge_redis_freeze"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.data.redis.sentinel.master", () -> SentinelRedis.MASTER_NAME);
    registry.add("spring.data.redis.sentinel.nodes", () -> String.join(",", REDIS.sentinels()));
    registry.add("edge.security.jwt-secret", () -> SECRET);
    registry.add("edge.node.name", () -> "node-test");
    registry.add("edge.demo.enabled", () -> "true");
    registry.add("edge.demo.password", () -> "demo-password-1");
    registry.add("edge.demo.patients", () -> "1");
  }

  @LocalServerPort int port;

  @AfterAll
  static void stop() {
    REDIS.close();
  }

  @Test
  void loginKeepsWorkingAfterTheFrozenMastersReplicaIsPromoted() throws Exception {
    TestHttp api = new TestHttp(port);
    assertThat(login(api).status()).isEqualTo(200);

    REDIS.freezeMaster();
    REDIS.awaitReplicaPromoted(Duration.ofSeconds(40));

    // a login may still meet the frozen master (2 s command timeout, an error); then the
    // connection must be on the promoted replica while the old master is still frozen
    TestHttp.Reply last = login(api);
    Instant deadline = Instant.now().plusSeconds(30);
    while (last.status() != 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      last = login(api);
    }
    assertThat(last.status()).as("login while the old master is frozen: %s", last).isEqualTo(200);
    assertThat(REDIS.master().process().isAlive()).as("old master frozen, not gone").isTrue();
  }

  private static TestHttp.Reply login(TestHttp api) {
    return api.post("/api/v1/auth/login", null,
        TestHttp.json(Map.of("username", "demo", "password", "demo-password-1")));
  }
}
