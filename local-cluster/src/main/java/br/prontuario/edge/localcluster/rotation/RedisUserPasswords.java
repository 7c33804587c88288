package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.site.resp.RespClient;
import br.prontuario.edge.site.resp.RespCredentials;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ACL users' passwords on every Redis server and Sentinel of the cluster, changed as the
 * {@link RedisAuth#OPERATIONS} user. A Redis user may hold several passwords at once, which is
 * what makes its rotation rolling: the new one is added, its clients move to it, the old one is
 * removed. Only hashes cross the network for the users' own passwords, and each change is written
 * to the server's own configuration file at once ({@code CONFIG REWRITE}, {@code SENTINEL
 * FLUSHCONFIG}), so a restarted server keeps it.
 */
final class RedisUserPasswords {

  private record Server(String name, String host, int port, boolean sentinel) {}

  /** Users that exist on Redis servers only, and on Sentinels only; the others live on both. */
  private static final Set<String> SERVER_ONLY = Set.of(RedisAuth.REPLICA, RedisAuth.SENTINEL);
  private static final Set<String> SENTINEL_ONLY = Set.of(RedisAuth.SENTINEL_PEER);

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  /** Redis 7's answer to removing a password the user does not have. */
  private static final String PASSWORD_ALREADY_GONE = "password you are trying to remove from the user does not exist";

  private final List<Server> servers = new ArrayList<>();
  private final RespClient client;
  private final RespClient retiredClient;
  private final boolean operationsRotating;

  /**
   * @param operations the operations user's current password
   * @param retiredOperations its password before the rotation, which a server still holds until
   *     the rotation has added the new one there
   */
  RedisUserPasswords(ClusterLayout layout, RespCredentials operations,
      RespCredentials retiredOperations) {
    for (NodeName node : NodeName.values()) {
      if (node.isDataNode()) {
        servers.add(new Server(node.id() + "'s Redis", layout.host(node), layout.ports(node).redis(),
            false));
      }
      servers.add(new Server(node.id() + "'s Sentinel", layout.host(node),
          layout.ports(node).sentinel(), true));
    }
    this.client = new RespClient(TIMEOUT, operations);
    this.retiredClient = new RespClient(TIMEOUT, retiredOperations);
    this.operationsRotating = !operations.equals(retiredOperations);
  }

  RedisUserPasswords(ClusterLayout layout, RespCredentials operations) {
    this(layout, operations, operations);
  }

  /** @throws IllegalStateException naming the first server the operations user cannot use */
  void check() {
    for (Server server : servers) {
      try {
        call(server, "PING");
      } catch (IOException e) {
        throw new IllegalStateException(server.name() + " does not take the operations user ("
            + e.getMessage() + "): every Redis server and Sentinel must run, and a cluster folder"
            + " created before rotation existed needs recreating (its Redis files predate that user)");
      }
    }
  }

  void add(String user, String password) {
    apply(user, RedisAuth.hash(password), false); // adding a password a user has is a no-op
  }

  /** Removing a password already gone is not an error: a rotation run again repeats this step. */
  void remove(String user, String password) {
    apply(user, "!" + RedisAuth.hash(password).substring(1), true);
  }

  /**
   * Makes the servers log in to each other with {@code auth}'s passwords from their next
   * connection on: replicas to their master ({@code masterauth}), Sentinels to Redis ({@code
   * auth-pass}, which makes them reconnect at once) and to each other ({@code sentinel-pass}).
   * Links already open stay; the users must already take the new passwords.
   */
  void pointServersAt(RedisAuth auth, String masterName) {
    for (Server server : servers) {
      try {
        if (server.sentinel()) {
          call(server, "SENTINEL", "SET", masterName, "auth-pass", auth.sentinelPassword());
          call(server, "SENTINEL", "CONFIG", "SET", "sentinel-pass", auth.sentinelPeerPassword());
          call(server, "SENTINEL", "FLUSHCONFIG");
        } else {
          call(server, "CONFIG", "SET", "masterauth", auth.replicaPassword());
          call(server, "CONFIG", "REWRITE");
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot give " + server.name() + " its new passwords towards"
            + " the other servers: " + e.getMessage()
            + (e.getMessage().contains("NOPERM") ? " (a cluster folder created before this"
                + " rotation existed: recreate it)" : ""), e);
      }
    }
  }

  private void apply(String user, String rule, boolean removing) {
    for (Server server : servers) {
      if (server.sentinel() ? SERVER_ONLY.contains(user) : SENTINEL_ONLY.contains(user)) {
        continue;
      }
      try {
        try {
          call(server, "ACL", "SETUSER", user, rule);
        } catch (IOException e) {
          if (removing && String.valueOf(e.getMessage()).contains(PASSWORD_ALREADY_GONE)) {
            continue;
          }
          throw e;
        }
        if (server.sentinel()) {
          call(server, "SENTINEL", "FLUSHCONFIG");
        } else {
          call(server, "CONFIG", "REWRITE");
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot change " + user + "'s passwords on "
            + server.name() + ": " + e.getMessage(), e);
      }
    }
  }

  /** As the operations user, with its retired password where the new one is not taken yet. */
  private Object call(Server server, String... command) throws IOException {
    try {
      return client.call(server.host(), server.port(), command);
    } catch (IOException e) {
      if (!operationsRotating || !String.valueOf(e.getMessage()).contains("WRONGPASS")) {
        throw e;
      }
      return retiredClient.call(server.host(), server.port(), command);
    }
  }
}
