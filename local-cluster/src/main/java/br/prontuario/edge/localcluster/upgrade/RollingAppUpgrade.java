package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Upgrades both nodes' edge-node to a new jar without clinicians noticing: the synchronous
 * standby's node first (no client is routed there), then a planned switchover moves the active
 * role and the leader to it (writes and reads in flight are held by edge-node through the
 * switchover, {@code RequestTransaction}), then the former leader's node. A node whose new
 * edge-node is not ready in time is put back on its old jar; if that happens on the second node,
 * the active role moves back and the first node is put back too, so the cluster never stays on
 * two versions.
 */
public final class RollingAppUpgrade {

  /** How the upgrade ended. */
  public sealed interface Outcome {}

  /** Both nodes run the new jar; {@code active} is the node now holding the active role. */
  public record Upgraded(NodeName first, NodeName active) implements Outcome {}

  /** The new jar never became ready on {@code node}; both nodes run their old jars again. */
  public record RolledBack(NodeName node, String reason) implements Outcome {}

  private static final Duration LEADER_MOVE = Duration.ofSeconds(90);

  private final EdgeCluster cluster;
  private final Consumer<NodeName> switchover;
  private final Duration readyTimeout;
  private final Consumer<String> progress;

  /**
   * @param switchover moves the active role (and the PostgreSQL leader) to a node and returns
   *     when it is done, or throws {@link IllegalStateException} when refused: the failover
   *     controller's switchover where one runs
   */
  public RollingAppUpgrade(EdgeCluster cluster, Consumer<NodeName> switchover,
      Duration readyTimeout, Consumer<String> progress) {
    this.cluster = cluster;
    this.switchover = switchover;
    this.readyTimeout = readyTimeout;
    this.progress = progress;
  }

  /**
   * @throws IllegalArgumentException when {@code jar} is not an edge-node jar (nothing touched)
   * @throws IllegalStateException when the cluster is not whole enough to upgrade (nothing touched)
   */
  public Outcome upgrade(Path jar) {
    EdgeNodeJar.check(jar);
    NodeName leader = cluster.leader().orElseThrow(
        () -> new IllegalStateException("no PostgreSQL leader: upgrade a whole cluster only"));
    NodeName standby = leader.peer();
    for (NodeName node : new NodeName[] {leader, standby}) {
      String app = ReadinessProbe.check(cluster.layout().appUrl(node));
      if (!"ready".equals(app)) {
        throw new IllegalStateException(node.id() + "'s edge-node is " + app
            + ": upgrade a whole cluster only");
      }
    }
    AppJarSlot first = new AppJarSlot(cluster, standby);
    Optional<String> failure = upgradeNode(standby, first, jar);
    if (failure.isPresent()) {
      return new RolledBack(standby, failure.get());
    }
    moveActiveRole(standby);
    AppJarSlot second = new AppJarSlot(cluster, leader);
    failure = upgradeNode(leader, second, jar);
    if (failure.isPresent()) {
      progress.accept("putting " + standby.id() + " back on its old jar as well");
      moveActiveRole(leader);
      putBackOldJar(standby, first);
      return new RolledBack(leader, failure.get());
    }
    progress.accept("both nodes run " + jar.getFileName() + "; " + standby.id() + " is active");
    return new Upgraded(standby, standby);
  }

  /** Empty when the node is ready on the new jar; else why not, after putting the old one back. */
  private Optional<String> upgradeNode(NodeName node, AppJarSlot slot, Path jar) {
    progress.accept("upgrading " + node.id() + "'s edge-node");
    slot.install(jar);
    Optional<String> failure = restartAndAwaitReady(node);
    if (failure.isEmpty()) {
      progress.accept(node.id() + " ready on the new jar");
      return Optional.empty();
    }
    progress.accept(node.id() + " not ready on the new jar (" + failure.get()
        + "); putting its old jar back");
    putBackOldJar(node, slot);
    return Optional.of(failure.get() + " (log: " + cluster.log(node, Components.APP) + ")");
  }

  /** A node that does not come back on the jar it ran before needs a person: stop there. */
  private void putBackOldJar(NodeName node, AppJarSlot slot) {
    slot.undo();
    restartAndAwaitReady(node).ifPresent(stillDown -> {
      throw new IllegalStateException(node.id() + "'s edge-node is not ready on its old jar "
          + "either: " + stillDown + " (log: " + cluster.log(node, Components.APP) + ")");
    });
  }

  private Optional<String> restartAndAwaitReady(NodeName node) {
    cluster.restartApp(node);
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    String app = "down";
    while (System.nanoTime() < deadline) {
      if (cluster.appProcess(node).isEmpty()) {
        return Optional.of("its edge-node exited while starting");
      }
      app = ReadinessProbe.check(cluster.layout().appUrl(node));
      if ("ready".equals(app)) {
        return Optional.empty();
      }
      Pause.millis(1_000);
    }
    return Optional.of("its edge-node was still " + app + " after " + readyTimeout.toSeconds() + " s");
  }

  /**
   * Asks until the switchover is accepted: the controller refuses one while the node it just
   * restarted is not yet healthy in its eyes, or within its cooldown after the previous move.
   */
  private void moveActiveRole(NodeName to) {
    progress.accept("switching over to " + to.id());
    long deadline = System.nanoTime() + LEADER_MOVE.toNanos();
    while (true) {
      try {
        switchover.accept(to);
        break;
      } catch (IllegalStateException refused) {
        if (System.nanoTime() > deadline) {
          throw refused;
        }
        Pause.millis(2_000);
      }
    }
    while (!cluster.leader().equals(Optional.of(to))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the switchover to " + to.id() + " did not move the leader"
            + " within " + LEADER_MOVE.toSeconds() + " s");
      }
      Pause.millis(500);
    }
  }
}
