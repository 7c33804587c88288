package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * edge-node onto a new jar ({@code edgectl upgrade --app}): the node's edge-node is stopped
 * gently (SIGTERM; Spring finishes the requests in flight) and started on the jar, and must
 * answer {@code /health/ready} in time, and is warmed up before the switchover sends it
 * clinicians ({@link AppRestart}).
 */
public final class AppJarUpgrade implements NodeUpgrade {

  private final EdgeCluster cluster;
  private final Path jar;
  private final AppRestart restart;
  private final Map<NodeName, AppJarSlot> slots = new EnumMap<>(NodeName.class);

  /**
   * @param warmUp how long each restarted node answers reads before the switchover
   * @throws IllegalArgumentException when {@code jar} is not an edge-node jar
   */
  public AppJarUpgrade(EdgeCluster cluster, Path jar, Duration readyTimeout, Duration warmUp,
      Consumer<String> progress) {
    EdgeNodeJar.check(jar);
    this.cluster = cluster;
    this.jar = jar;
    this.restart = new AppRestart(cluster, readyTimeout, warmUp, progress);
  }

  @Override
  public String component() {
    return "edge-node";
  }

  @Override
  public void checkWhole(NodeName leader) {
    ReadinessProbe.requireReady(cluster.layout(), "upgrade a whole cluster only", leader, leader.peer());
  }

  @Override
  public void install(NodeName node) {
    AppJarSlot slot = new AppJarSlot(cluster, node);
    slots.put(node, slot);
    slot.install(jar);
  }

  @Override
  public void putBack(NodeName node) {
    slots.get(node).undo();
  }

  @Override
  public Optional<String> restartAndAwait(NodeName node) {
    return restart.restartAndAwait(node);
  }

  @Override
  public Path log(NodeName node) {
    return cluster.log(node, Components.APP);
  }
}
