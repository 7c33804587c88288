package br.prontuario.edge.drill.scenario;

import java.time.Duration;

/** The fault a scenario injects, and how the drill undoes it once the service has recovered. */
enum Fault {
  NONE {
    @Override
    String inject(ClusterControl cluster, String leader) {
      return null;
    }
  },
  KILL_LEADER {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.kill(leader);
      return leader;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.start(node);
    }
  },
  FREEZE_LEADER {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.freeze(leader);
      return leader;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.thaw(node);
    }
  },
  KILL_LEADER_APP {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.killApp(leader);
      return leader;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.start(node);
    }
  },
  KILL_STANDBY {
    @Override
    String inject(ClusterControl cluster, String leader) {
      String standby = cluster.other(leader);
      cluster.kill(standby);
      return standby;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.start(node);
    }
  },
  SWITCHOVER {
    @Override
    String inject(ClusterControl cluster, String leader) {
      String target = cluster.other(leader);
      cluster.switchover(target);
      return target;
    }
  },
  /** Both nodes down: the cloud takes over. Healing is a whole failback. */
  KILL_BOTH {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.kill(cluster.other(leader));
      cluster.kill(leader);
      return leader;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      FAIL_BACK.inject(cluster, node);
    }
  },
  /** From an emergency (both nodes down, cloud serving): restart the nodes, then fail back. */
  FAIL_BACK {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.start(leader);
      cluster.start(cluster.other(leader));
      String notServing = cluster.awaitNodesServing(NODES_RESTART);
      if (notServing != null) {
        throw new IllegalStateException("the nodes did not serve again after their restart: "
            + notServing);
      }
      cluster.failback();
      return null;
    }
  };

  /** Restarted nodes: PostgreSQL rejoins and both edge-node apps start, on a loaded machine. */
  static final Duration NODES_RESTART = Duration.ofMinutes(3);

  /**
   * Injects the fault; returns the node it hit (null if none). Returns once the fault is in place
   * (processes gone, switchover done); RTO counts from the moment it was called.
   */
  abstract String inject(ClusterControl cluster, String leader);

  /** Undoes the fault after recovery was observed, so the next run starts from a whole cluster. */
  void heal(ClusterControl cluster, String node) {}
}
