package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Upgrades one component on both nodes without clinicians noticing: the synchronous standby's
 * node first (no client is routed there), then a planned switchover moves the active role and
 * the leader to it (requests in flight are held by edge-node through the switchover,
 * {@code RequestTransaction}), then the former leader's node. A node that does not come back on
 * the new version in time is put back on its old one; if that happens on the second node, the
 * active role moves back and the first node is put back too, so the cluster never stays on two
 * versions.
 */
public final class RollingUpgrade {

  /** How the upgrade ended. */
  public sealed interface Outcome {}

  /** Both nodes run the new version; {@code active} is the node now holding the active role. */
  public record Upgraded(NodeName first, NodeName active) implements Outcome {}

  /** {@code node} did not come back on the new version; both nodes run their old ones again. */
  public record RolledBack(NodeName node, String reason) implements Outcome {}

  private final EdgeCluster cluster;
  private final ActiveRoleMove activeRole;
  private final Consumer<String> progress;

  /**
   * @param switchover moves the active role (and the PostgreSQL leader) to a node and returns
   *     when it is done, or throws {@link IllegalStateException} when refused: the failover
   *     controller's switchover where one runs
   */
  public RollingUpgrade(EdgeCluster cluster, Consumer<NodeName> switchover,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.activeRole = new ActiveRoleMove(cluster, switchover, progress);
    this.progress = progress;
  }

  /** @throws IllegalStateException when the cluster is not whole enough to upgrade (nothing touched) */
  public Outcome run(NodeUpgrade upgrade) {
    NodeName leader = cluster.leader().orElseThrow(
        () -> new IllegalStateException("no PostgreSQL leader: upgrade a whole cluster only"));
    NodeName standby = leader.peer();
    upgrade.checkWhole(leader);
    Optional<String> failure = upgradeNode(upgrade, standby);
    if (failure.isPresent()) {
      return new RolledBack(standby, failure.get());
    }
    activeRole.to(standby);
    failure = upgradeNode(upgrade, leader);
    if (failure.isPresent()) {
      progress.accept("putting " + standby.id() + " back on its old version as well");
      activeRole.to(leader);
      putBack(upgrade, standby);
      return new RolledBack(leader, failure.get());
    }
    progress.accept("both nodes upgraded; " + standby.id() + " is active");
    return new Upgraded(standby, standby);
  }

  /** Empty when the node serves on the new version; else why not, after putting the old one back. */
  private Optional<String> upgradeNode(NodeUpgrade upgrade, NodeName node) {
    progress.accept("upgrading " + node.id() + "'s " + upgrade.component());
    upgrade.install(node);
    Optional<String> failure = upgrade.restartAndAwait(node);
    if (failure.isEmpty()) {
      progress.accept(node.id() + " ready on the new version");
      return Optional.empty();
    }
    progress.accept(node.id() + " not ready on the new version (" + failure.get()
        + "); putting its old one back");
    putBack(upgrade, node);
    return Optional.of(failure.get() + " (log: " + upgrade.log(node) + ")");
  }

  /** A node that does not come back on the version it ran before needs a person: stop there. */
  private void putBack(NodeUpgrade upgrade, NodeName node) {
    upgrade.putBack(node);
    upgrade.restartAndAwait(node).ifPresent(stillDown -> {
      throw new IllegalStateException(node.id() + "'s " + upgrade.component()
          + " is not ready on its old version either: " + stillDown + " (log: "
          + upgrade.log(node) + ")");
    });
  }
}
