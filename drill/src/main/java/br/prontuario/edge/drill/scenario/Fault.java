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
  /** Both nodes' edge-node restarted on a new jar, one at a time, with a switchover between. */
  ROLLING_UPGRADE {
    @Override
    String inject(ClusterControl cluster, String leader) {
      return cluster.upgradeApp();
    }
  },
  /** Both nodes' PostgreSQL restarted through Patroni, one at a time, with a switchover between. */
  POSTGRES_MINOR_UPGRADE {
    @Override
    String inject(ClusterControl cluster, String leader) {
      return cluster.upgradePostgresMinor();
    }
  },
  /**
   * Issue 19's sequence: the synchronous standby's node and the witness frozen together (etcd
   * loses its quorum, the entry point and the controller stop), the witness thawed after 30 s and
   * the node 20 s later. Returns once both are thawed; clients keep retrying at the nodes' apps.
   * Healing fails back if the cloud took over meanwhile ("nothing to fail back" otherwise).
   */
  FREEZE_WITNESS_AND_STANDBY {
    @Override
    String inject(ClusterControl cluster, String leader) {
      String standby = cluster.other(leader);
      cluster.freeze(standby);
      cluster.freeze(WITNESS);
      sleep(WITNESS_FROZEN);
      cluster.thaw(WITNESS);
      sleep(STANDBY_FROZEN_LONGER);
      cluster.thaw(standby);
      return standby;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      awaitNodesThenFailBack(cluster, "the thaw");
    }
  },
  /**
   * Issue 13: the witness host lost (etcd member 3, Sentinel 3, the first entry HAProxy and a
   * controller replica). Nothing may be promoted; clinicians go on through another entry.
   */
  KILL_WITNESS {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.kill(WITNESS);
      return WITNESS;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.start(node);
    }
  },
  /** The leader's node cut off from both others; healing restores the links. */
  ISOLATE_LEADER {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.partition(leader, null);
      return leader;
    }
  },
  /** The synchronous standby's node cut off from both others. */
  ISOLATE_STANDBY {
    @Override
    String inject(ClusterControl cluster, String leader) {
      String standby = cluster.other(leader);
      cluster.partition(standby, null);
      return standby;
    }
  },
  /** The leader's links down for {@link #FLAP_DOWN}, up for {@link #FLAP_UP}, for a minute. */
  FLAP_LEADER_LINKS {
    @Override
    String inject(ClusterControl cluster, String leader) {
      for (int i = 0; i < FLAPS; i++) {
        cluster.partition(leader, null);
        sleep(FLAP_DOWN);
        cluster.healPartitions();
        sleep(FLAP_UP);
      }
      return leader;
    }
  },
  /**
   * The witness killed and the two nodes cut from each other: etcd has one member of three on
   * each side. Held for {@link #QUORUM_LOST}, then the link restored and the witness restarted.
   */
  KILL_WITNESS_CUT_NODES {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.kill(WITNESS);
      cluster.partition(leader, cluster.other(leader));
      sleep(QUORUM_LOST);
      cluster.healPartitions();
      cluster.start(WITNESS);
      return leader;
    }

    /** The injection restored the links and the witness; a controller may have activated the cloud. */
    @Override
    void heal(ClusterControl cluster, String node) {
      awaitNodesThenFailBack(cluster, "the quorum returned");
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
      awaitNodesThenFailBack(cluster, "their restart");
      return null;
    }
  };

  static final String WITNESS = "witness";
  static final Duration WITNESS_FROZEN = Duration.ofSeconds(30);
  static final Duration STANDBY_FROZEN_LONGER = Duration.ofSeconds(20);
  static final int FLAPS = 6;
  static final Duration FLAP_DOWN = Duration.ofSeconds(5);
  static final Duration FLAP_UP = Duration.ofSeconds(5);
  static final Duration QUORUM_LOST = Duration.ofSeconds(30);

  /** Restarted nodes: PostgreSQL rejoins and both edge-node apps start, on a loaded machine. */
  static final Duration NODES_RESTART = Duration.ofMinutes(3);

  /**
   * Injects the fault; returns the node it hit (null if none). Returns once the fault is in place
   * (processes gone, switchover done); RTO counts from the moment it was called.
   */
  abstract String inject(ClusterControl cluster, String leader);

  /** How long inject itself takes beyond signalling (the freeze timeline). */
  Duration injectDuration() {
    return switch (this) {
      case FREEZE_WITNESS_AND_STANDBY -> WITNESS_FROZEN.plus(STANDBY_FROZEN_LONGER);
      case FLAP_LEADER_LINKS -> FLAP_DOWN.plus(FLAP_UP).multipliedBy(FLAPS);
      case KILL_WITNESS_CUT_NODES -> QUORUM_LOST;
      // two edge-node restarts and a switchover; four restarts and two switchovers if it rolls back
      case ROLLING_UPGRADE, POSTGRES_MINOR_UPGRADE -> Duration.ofMinutes(8);
      default -> Duration.ZERO;
    };
  }

  /** The injection ends by undoing the fault itself (thaw, restart, restored links). */
  boolean healsItself() {
    return this == FREEZE_WITNESS_AND_STANDBY || this == KILL_WITNESS_CUT_NODES;
  }

  boolean cutsLinks() {
    return switch (this) {
      case ISOLATE_LEADER, ISOLATE_STANDBY, FLAP_LEADER_LINKS, KILL_WITNESS_CUT_NODES -> true;
      default -> false;
    };
  }

  /**
   * Once the nodes are back (restarted, thawed, reconnected): both must serve again, then the
   * cloud's writes come home if a controller activated it meanwhile.
   */
  private static void awaitNodesThenFailBack(ClusterControl cluster, String after) {
    String notServing = cluster.awaitNodesServing(NODES_RESTART);
    if (notServing != null) {
      throw new IllegalStateException("the nodes did not serve again after " + after + ": "
          + notServing);
    }
    cluster.failback();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the freeze timeline", e);
    }
  }

  /**
   * Undoes the fault after recovery was observed, so the next run starts from a whole cluster; a
   * fault that cut links restores them.
   */
  void heal(ClusterControl cluster, String node) {
    if (cutsLinks()) {
      cluster.healPartitions();
    }
  }
}
