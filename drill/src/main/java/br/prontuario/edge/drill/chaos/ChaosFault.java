package br.prontuario.edge.drill.chaos;

import br.prontuario.edge.drill.scenario.ClusterControl;
import java.util.List;

/**
 * What the chaos soak can do to one box, with how often it is drawn. Every kind is undone by
 * {@link #heal} before the next fault: the soak tests many single faults in a row, never a pile of
 * them, so it always has a cluster to come back to.
 */
public enum ChaosFault {
  /** SIGKILL every process of the box; healed by starting them again. */
  KILL(20, List.of("node-a", "node-b", "witness")) {
    @Override
    void inject(ClusterControl cluster, ChaosStep step) {
      cluster.kill(step.node());
    }

    @Override
    void heal(ClusterControl cluster, ChaosStep step) {
      cluster.start(step.node());
    }
  },
  /** SIGSTOP every process of the box; healed by SIGCONT. */
  FREEZE(25, List.of("node-a", "node-b", "witness")) {
    @Override
    void inject(ClusterControl cluster, ChaosStep step) {
      cluster.freeze(step.node());
    }

    @Override
    void heal(ClusterControl cluster, ChaosStep step) {
      cluster.thaw(step.node());
    }
  },
  /** The box cut off from both others (clients still reach it); healed by restoring the links. */
  ISOLATE(30, List.of("node-a", "node-b", "witness")) {
    @Override
    void inject(ClusterControl cluster, ChaosStep step) {
      cluster.partition(step.node(), null);
    }

    @Override
    void heal(ClusterControl cluster, ChaosStep step) {
      cluster.healPartitions();
    }
  },
  /** One link cut: the box from one other box. */
  CUT_LINK(15, List.of("node-a", "node-b", "witness")) {
    @Override
    void inject(ClusterControl cluster, ChaosStep step) {
      cluster.partition(step.node(), step.from());
    }

    @Override
    void heal(ClusterControl cluster, ChaosStep step) {
      cluster.healPartitions();
    }
  },
  /** SIGKILL only a data node's edge-node (the clinical API), as a crashed JVM. */
  KILL_APP(10, List.of("node-a", "node-b")) {
    @Override
    void inject(ClusterControl cluster, ChaosStep step) {
      cluster.killApp(step.node());
    }

    @Override
    void heal(ClusterControl cluster, ChaosStep step) {
      cluster.start(step.node());
    }
  };

  private final int weight;
  private final List<String> boxes;

  ChaosFault(int weight, List<String> boxes) {
    this.weight = weight;
    this.boxes = boxes;
  }

  int weight() {
    return weight;
  }

  /** The boxes this fault can hit. */
  List<String> boxes() {
    return boxes;
  }

  boolean cutsLinks() {
    return this == ISOLATE || this == CUT_LINK;
  }

  abstract void inject(ClusterControl cluster, ChaosStep step);

  abstract void heal(ClusterControl cluster, ChaosStep step);
}
