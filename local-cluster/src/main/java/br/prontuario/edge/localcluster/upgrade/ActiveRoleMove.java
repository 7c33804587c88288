package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The planned switchover in the middle of a rolling upgrade or secret rotation: asks until the switchover is
 * accepted (the controller refuses one while the node just restarted is not yet healthy in its
 * eyes, or within its cooldown after the previous move), then waits for the leader to move.
 */
public final class ActiveRoleMove {

  private static final Duration LEADER_MOVE = Duration.ofSeconds(90);

  private final EdgeCluster cluster;
  private final Consumer<NodeName> switchover;
  private final Consumer<String> progress;

  public ActiveRoleMove(EdgeCluster cluster, Consumer<NodeName> switchover, Consumer<String> progress) {
    this.cluster = cluster;
    this.switchover = switchover;
    this.progress = progress;
  }

  public void to(NodeName node) {
    progress.accept("switching over to " + node.id());
    long deadline = System.nanoTime() + LEADER_MOVE.toNanos();
    while (true) {
      try {
        switchover.accept(node);
        break;
      } catch (IllegalStateException refused) {
        if (System.nanoTime() > deadline) {
          throw refused;
        }
        Pause.millis(2_000);
      }
    }
    while (!cluster.leader().equals(Optional.of(node))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the switchover to " + node.id() + " did not move the leader"
            + " within " + LEADER_MOVE.toSeconds() + " s");
      }
      Pause.millis(500);
    }
  }
}
