package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.patroni.PatroniClient.ClusterView;
import br.prontuario.edge.site.patroni.PatroniClient.NodeStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL onto new minor-version binaries ({@code edgectl upgrade --postgres-minor}). Minor
 * versions share the data format, so a restart on the new binaries is the whole upgrade; the
 * node's Patroni restarts (Patroni 3.0 reads {@code bin_dir} only when it starts) and the node
 * must be back as a streaming synchronous standby reporting the new version in time. A major
 * version changes the data format (pg_upgrade) and is refused.
 */
public final class PostgresMinorUpgrade implements NodeUpgrade {

  private final EdgeCluster cluster;
  private final PostgresBinaries target;
  private final Duration readyTimeout;
  private final Map<NodeName, PostgresBinDirSlot> slots = new EnumMap<>(NodeName.class);

  /**
   * @param binDir the new binaries; the folder the nodes already use when the package manager
   *     replaced the binaries in place (apt, {@code brew upgrade})
   * @throws IllegalArgumentException when {@code binDir} holds no PostgreSQL
   */
  public PostgresMinorUpgrade(EdgeCluster cluster, Path binDir, Duration readyTimeout) {
    this.cluster = cluster;
    this.target = PostgresBinaries.probe(binDir);
    this.readyTimeout = readyTimeout;
  }

  public int targetVersion() {
    return target.versionNum();
  }

  @Override
  public String component() {
    return "PostgreSQL";
  }

  /** @throws IllegalArgumentException for another major version or an older one */
  @Override
  public void checkWhole(NodeName leader) {
    int running = runningVersion(leader).orElseThrow(() -> new IllegalStateException(
        leader.id() + "'s Patroni does not report its PostgreSQL version"));
    if (target.major() != running / 10_000) {
      throw new IllegalArgumentException(target.dir() + " holds PostgreSQL "
          + PostgresBinaries.display(target.versionNum()) + " and the cluster runs "
          + PostgresBinaries.display(running) + ": a major upgrade changes the data format "
          + "(pg_upgrade), a rolling restart cannot do it");
    }
    if (target.versionNum() < running) {
      throw new IllegalArgumentException(target.dir() + " holds PostgreSQL "
          + PostgresBinaries.display(target.versionNum()) + ", older than the "
          + PostgresBinaries.display(running) + " that runs: not a downgrade");
    }
    notReplicating(leader.peer()).ifPresent(problem -> {
      throw new IllegalStateException(problem + ": upgrade a whole cluster only");
    });
  }

  @Override
  public void install(NodeName node) {
    PostgresBinDirSlot slot = new PostgresBinDirSlot(cluster, node);
    slots.put(node, slot);
    slot.install(target.dir());
  }

  @Override
  public void putBack(NodeName node) {
    slots.get(node).undo();
  }

  @Override
  public Optional<String> restartAndAwait(NodeName node) {
    int version;
    try {
      version = PostgresBinaries.probe(cluster.postgresBinDir(node)).versionNum();
    } catch (IllegalArgumentException unusable) {
      return Optional.of(unusable.getMessage());
    }
    cluster.restartPatroni(node);
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    Optional<String> problem = Optional.of("not checked");
    while (System.nanoTime() < deadline) {
      // Patroni keeps retrying a server that will not start; waiting longer changes nothing
      if (cluster.patroni().node(cluster.layout().patroniUrl(node))
          .filter(status -> "start failed".equals(status.state())).isPresent()) {
        return Optional.of("its PostgreSQL failed to start on " + cluster.postgresBinDir(node));
      }
      problem = notReplicating(node)
          .or(() -> runningVersion(node).filter(v -> v != version)
              .map(v -> node.id() + " runs PostgreSQL " + PostgresBinaries.display(v)));
      if (problem.isEmpty()) {
        return problem;
      }
      Pause.millis(1_000);
    }
    return Optional.of(problem.get() + " after " + readyTimeout.toSeconds() + " s");
  }

  @Override
  public Path log(NodeName node) {
    return cluster.log(node, Components.PATRONI);
  }

  /** Why {@code node} is not a running replica the leader counts as synchronous; empty if it is. */
  private Optional<String> notReplicating(NodeName node) {
    Optional<NodeStatus> status = cluster.patroni().node(cluster.layout().patroniUrl(node));
    if (status.isEmpty()) {
      return Optional.of(node.id() + "'s Patroni does not answer");
    }
    if (!status.get().running() || !"replica".equals(status.get().role())) {
      return Optional.of(node.id() + "'s PostgreSQL is " + status.get().state() + " as "
          + status.get().role());
    }
    if (!cluster.config().patroni().synchronousMode()) {
      return Optional.empty();
    }
    boolean sync = cluster.patroni().cluster(cluster.layout().patroniUrl(node))
        .flatMap(ClusterView::syncStandby)
        .filter(m -> m.name().equals(node.id()))
        .isPresent();
    return sync ? Optional.empty()
        : Optional.of(node.id() + " is not the synchronous standby yet");
  }

  private Optional<Integer> runningVersion(NodeName node) {
    return cluster.patroni().node(cluster.layout().patroniUrl(node))
        .map(NodeStatus::serverVersion);
  }
}
