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

/**
 * One ACL user's passwords on every Redis server and Sentinel of the cluster, changed as the
 * {@link RedisAuth#OPERATIONS} user. A Redis user may hold several passwords at once, which is
 * what makes its rotation rolling: the new one is added, the apps move to it, the old one is
 * removed. Only hashes cross the network, and each change is written to the server's own
 * configuration file at once ({@code CONFIG REWRITE}, {@code SENTINEL FLUSHCONFIG}), so a
 * restarted server keeps it.
 */
final class RedisUserPasswords {

  private record Server(String name, String host, int port, boolean sentinel) {}

  private final List<Server> servers = new ArrayList<>();
  private final RespClient client;

  RedisUserPasswords(ClusterLayout layout, RespCredentials operations) {
    for (NodeName node : NodeName.values()) {
      if (node.isDataNode()) {
        servers.add(new Server(node.id() + "'s Redis", layout.host(node), layout.ports(node).redis(),
            false));
      }
      servers.add(new Server(node.id() + "'s Sentinel", layout.host(node),
          layout.ports(node).sentinel(), true));
    }
    this.client = new RespClient(Duration.ofSeconds(3), operations);
  }

  /** @throws IllegalStateException naming the first server the operations user cannot use */
  void check() {
    for (Server server : servers) {
      try {
        client.call(server.host(), server.port(), "PING");
      } catch (IOException e) {
        throw new IllegalStateException(server.name() + " does not take the operations user ("
            + e.getMessage() + "): every Redis server and Sentinel must run, and a cluster folder"
            + " created before rotation existed needs recreating (its Redis files predate that user)");
      }
    }
  }

  void add(String user, String password) {
    apply(user, RedisAuth.hash(password));
  }

  void remove(String user, String password) {
    apply(user, "!" + RedisAuth.hash(password).substring(1));
  }

  private void apply(String user, String rule) {
    for (Server server : servers) {
      try {
        client.call(server.host(), server.port(), "ACL", "SETUSER", user, rule);
        if (server.sentinel()) {
          client.call(server.host(), server.port(), "SENTINEL", "FLUSHCONFIG");
        } else {
          client.call(server.host(), server.port(), "CONFIG", "REWRITE");
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot change " + user + "'s passwords on "
            + server.name() + ": " + e.getMessage(), e);
      }
    }
  }
}
