package br.prontuario.edge.localcluster.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.redis.RedisNode;
import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.site.resp.RespCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cluster's real Redis servers and Sentinels (nothing else runs) taking every user's new
 * password the way {@code rotate-secrets} gives it: added beside the old, the servers told what to
 * send each other, the old removed — and removed again, as a rotation run a second time after an
 * interruption does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisUserPasswordsIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Map<String, Function<RedisAuth, String>> USERS = Map.of(
      RedisAuth.EDGE_NODE, RedisAuth::edgeNodePassword,
      RedisAuth.CONTROLLER, RedisAuth::controllerPassword,
      RedisAuth.REPLICA, RedisAuth::replicaPassword,
      RedisAuth.SENTINEL, RedisAuth::sentinelPassword,
      RedisAuth.SENTINEL_PEER, RedisAuth::sentinelPeerPassword,
      RedisAuth.OPERATIONS, RedisAuth::operationsPassword);

  private EdgeCluster cluster;
  private final List<ManagedProcess> servers = new ArrayList<>();

  @BeforeAll
  void startRedisAndSentinels() throws Exception {
    Path module = Path.of(System.getProperty("user.dir"));
    Path dir = Files.createTempDirectory(Files.createDirectories(module.resolve("target")), "redis-rotation-");
    cluster = EdgeCluster.infrastructureAt(dir, ClusterConfigLoader.loadFromRepository(module.getParent()),
        module.getParent());
    ClusterLayout layout = cluster.layout();
    RedisAuth auth = RedisAuth.of(cluster.secrets());
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      ManagedProcess redis = RedisNode.startServer(node, layout, auth, cluster.dir(node, Components.REDIS),
          DetachedLaunch.PLAIN);
      servers.add(redis);
      redis.awaitPort(layout.ports(node).redis(), Duration.ofSeconds(20));
    }
    for (NodeName node : NodeName.values()) {
      ManagedProcess sentinel = RedisNode.startSentinel(node, layout, cluster.config().redis(), auth,
          cluster.dir(node, Components.SENTINEL), DetachedLaunch.PLAIN);
      servers.add(sentinel);
      sentinel.awaitPort(layout.ports(node).sentinel(), Duration.ofSeconds(20));
    }
    // the Sentinels have found the replica and each other
    RespClient controller = new RespClient(TIMEOUT, auth.controller());
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      for (NodeName node : NodeName.values()) {
        assertThat(field(controller.call(layout.host(node), layout.ports(node).sentinel(), "SENTINEL",
            "MASTER", master()), "num-other-sentinels")).isEqualTo("2");
      }
    });
  }

  @AfterAll
  void stop() {
    servers.forEach(s -> s.stop(Duration.ofSeconds(5)));
  }

  @Test
  void everyUserMovesToItsNewPasswordTheServersFollowAndRemovingTheOldTwiceIsNoError() throws Exception {
    ClusterLayout layout = cluster.layout();
    ClusterSecrets old = cluster.secrets();
    RedisAuth before = RedisAuth.of(old);
    RedisAuth after = RedisAuth.of(old.rotated());
    var passwords = new RedisUserPasswords(layout, after.operations(), before.operations());

    for (var user : USERS.entrySet()) {
      passwords.add(user.getKey(), user.getValue().apply(after));
    }
    passwords.pointServersAt(after, master());
    for (var user : USERS.entrySet()) {
      passwords.remove(user.getKey(), user.getValue().apply(before));
    }
    // the rotation run again after an interruption at its very end repeats every step
    assertThatCode(() -> {
      for (var user : USERS.entrySet()) {
        passwords.add(user.getKey(), user.getValue().apply(after));
        passwords.remove(user.getKey(), user.getValue().apply(before));
      }
    }).doesNotThrowAnyException();

    for (NodeName node : NodeName.values()) {
      int sentinel = layout.ports(node).sentinel();
      assertRefused(before.operations(), layout.host(node), sentinel);
      assertTaken(after.operations(), layout.host(node), sentinel);
      assertRefused(new RespCredentials(RedisAuth.SENTINEL_PEER, before.sentinelPeerPassword()),
          layout.host(node), sentinel);
      if (node.isDataNode()) {
        int redis = layout.ports(node).redis();
        assertRefused(new RespCredentials(RedisAuth.REPLICA, before.replicaPassword()), layout.host(node), redis);
        assertTaken(new RespCredentials(RedisAuth.REPLICA, after.replicaPassword()), layout.host(node), redis);
        assertRefused(before.edgeNode(), layout.host(node), redis);
        assertTaken(after.edgeNode(), layout.host(node), redis);
      }
    }

    // the links, cut, come back on the new passwords: the replica's to its master, the
    // Sentinels' to Redis and to each other
    RespClient sentinelUser = new RespClient(TIMEOUT,
        new RespCredentials(RedisAuth.SENTINEL, after.sentinelPassword()));
    RespClient peerUser = new RespClient(TIMEOUT,
        new RespCredentials(RedisAuth.SENTINEL_PEER, after.sentinelPeerPassword()));
    NodeName master = NodeName.NODE_A;
    sentinelUser.call(layout.host(master), layout.ports(master).redis(), "CLIENT", "KILL", "TYPE", "replica");
    for (NodeName node : List.of(NodeName.NODE_A, NodeName.NODE_B)) {
      sentinelUser.call(layout.host(node), layout.ports(node).redis(), "CLIENT", "KILL", "USER", RedisAuth.SENTINEL);
    }
    for (NodeName node : NodeName.values()) {
      peerUser.call(layout.host(node), layout.ports(node).sentinel(), "CLIENT", "KILL", "USER",
          RedisAuth.SENTINEL_PEER);
    }
    Thread.sleep(4_000); // a Sentinel pings every second: a link that cannot log in goes stale
    RespClient controller = new RespClient(TIMEOUT, after.controller());
    NodeName replica = master.peer();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(String.valueOf(controller.call(layout.host(replica), layout.ports(replica).redis(),
            "INFO", "replication"))).contains("master_link_status:up"));
    for (NodeName node : NodeName.values()) {
      String host = layout.host(node);
      int port = layout.ports(node).sentinel();
      List<Object> watched = new ArrayList<>();
      watched.add(controller.call(host, port, "SENTINEL", "MASTER", master()));
      watched.addAll((List<?>) controller.call(host, port, "SENTINEL", "REPLICAS", master()));
      watched.addAll((List<?>) controller.call(host, port, "SENTINEL", "SENTINELS", master()));
      assertThat(watched).as("%s's Sentinel: the master, its replica, two peers", node.id()).hasSize(4);
      for (Object instance : watched) {
        assertThat(Long.parseLong(field(instance, "last-ok-ping-reply")))
            .as("%s's Sentinel: %s answered a ping within 2 s", node.id(), field(instance, "name"))
            .isLessThan(2_000);
        assertThat(field(instance, "flags")).doesNotContain("s_down").doesNotContain("disconnected");
      }
    }
  }

  private String master() {
    return cluster.config().redis().masterName();
  }

  private static String field(Object reply, String name) {
    List<?> fields = (List<?>) reply;
    return String.valueOf(fields.get(fields.indexOf(name) + 1));
  }

  private static void assertRefused(RespCredentials user, String host, int port) {
    assertThatThrownBy(() -> new RespClient(TIMEOUT, user).call(host, port, "PING"))
        .as("%s's old password on port %d", user.username(), port).hasMessageContaining("WRONGPASS");
  }

  private static void assertTaken(RespCredentials user, String host, int port) throws Exception {
    assertThat(new RespClient(TIMEOUT, user).call(host, port, "PING")).isEqualTo("PONG");
  }
}
