package br.prontuario.edge.drill.scenario;

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
  /** Both nodes down and the cloud takes over; injected only once cloud activation exists. */
  KILL_BOTH {
    @Override
    String inject(ClusterControl cluster, String leader) {
      cluster.kill(cluster.other(leader));
      cluster.kill(leader);
      return leader;
    }

    @Override
    void heal(ClusterControl cluster, String node) {
      cluster.start(node);
      cluster.start(cluster.other(node));
    }
  };

  /**
   * Injects the fault; returns the node it hit (null if none). Returns once the fault is in place
   * (processes gone, switchover done); RTO counts from the moment it was called.
   */
  abstract String inject(ClusterControl cluster, String leader);

  /** Undoes the fault after recovery was observed, so the next run starts from a whole cluster. */
  void heal(ClusterControl cluster, String node) {}
}
