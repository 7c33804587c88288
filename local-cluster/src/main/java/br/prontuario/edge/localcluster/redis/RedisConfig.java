package br.prontuario.edge.localcluster.redis;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.RedisSettings;
import java.util.StringJoiner;

/**
 * The Redis server and Sentinel configuration files, local or production. Both are rewritten by
 * Sentinel at run time (it records who the master is), so a restart keeps the current roles.
 * Redis holds only what can be rebuilt (refresh tokens, rate limits, caches): no persistence.
 * Who may do what: {@link RedisAuth}. The files hold passwords: mode 0600.
 */
public final class RedisConfig {

  /** The initial master; the other data node starts as its replica. */
  public static final NodeName INITIAL_MASTER = NodeName.NODE_A;

  private RedisConfig() {}

  public static String server(NodeName node, ClusterLayout layout, RedisAuth auth, String dir) {
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# Redis on " + node.id() + " (written by edgectl from config/edge-cluster.yaml;"
        + " Sentinel rewrites the replicaof line after a failover)");
    c.add("port " + layout.ports(node).redis());
    c.add("bind " + bindAddresses(layout.host(node)));
    c.add("protected-mode no");
    c.add("daemonize no");
    c.add("dir " + dir);
    c.add("save \"\"");
    c.add("appendonly no");
    c.add(auth.serverLines());
    if (node != INITIAL_MASTER) {
      c.add("replicaof " + layout.host(INITIAL_MASTER) + " " + layout.ports(INITIAL_MASTER).redis());
    }
    return c.toString();
  }

  public static String sentinel(NodeName node, ClusterLayout layout, RedisSettings settings,
      RedisAuth auth, String dir) {
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# Sentinel on " + node.id() + " (written by edgectl from config/edge-cluster.yaml;"
        + " Sentinel appends its own state below)");
    c.add("port " + layout.ports(node).sentinel());
    c.add("bind " + bindAddresses(layout.host(node)));
    c.add("protected-mode no");
    c.add("daemonize no");
    c.add("dir " + dir);
    c.add("sentinel announce-ip " + layout.host(node));
    c.add(auth.sentinelLines());
    c.add("sentinel monitor " + settings.masterName() + " " + layout.host(INITIAL_MASTER) + " "
        + layout.ports(INITIAL_MASTER).redis() + " " + settings.quorum());
    c.add(auth.sentinelMasterLines(settings.masterName()));
    c.add("sentinel down-after-milliseconds " + settings.masterName() + " " + settings.downAfter().toMillis());
    c.add("sentinel failover-timeout " + settings.masterName() + " " + settings.failoverTimeout().toMillis());
    c.add("sentinel parallel-syncs " + settings.masterName() + " 1");
    return c.toString();
  }

  private static String bindAddresses(String host) {
    return ClusterLayout.LOOPBACK.equals(host) ? host : host + " 127.0.0.1";
  }
}
