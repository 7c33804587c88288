package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * edge-node onto a new jar ({@code edgectl upgrade --app}): the node's edge-node is stopped
 * gently (SIGTERM; Spring finishes the requests in flight) and started on the jar, and must
 * answer {@code /health/ready} in time; then it is warmed up with reads ({@link AppWarmUp})
 * before the switchover sends it clinicians.
 */
public final class AppJarUpgrade implements NodeUpgrade {

  private static final Duration WARM_UP = Duration.ofSeconds(20);

  private final EdgeCluster cluster;
  private final Path jar;
  private final Duration readyTimeout;
  private final Consumer<String> progress;
  private final Map<NodeName, AppJarSlot> slots = new EnumMap<>(NodeName.class);

  /** @throws IllegalArgumentException when {@code jar} is not an edge-node jar */
  public AppJarUpgrade(EdgeCluster cluster, Path jar, Duration readyTimeout,
      Consumer<String> progress) {
    EdgeNodeJar.check(jar);
    this.cluster = cluster;
    this.jar = jar;
    this.readyTimeout = readyTimeout;
    this.progress = progress;
  }

  @Override
  public String component() {
    return "edge-node";
  }

  @Override
  public void checkWhole(NodeName leader) {
    for (NodeName node : new NodeName[] {leader, leader.peer()}) {
      String app = ReadinessProbe.check(cluster.layout().appUrl(node));
      if (!"ready".equals(app)) {
        throw new IllegalStateException(node.id() + "'s edge-node is " + app
            + ": upgrade a whole cluster only");
      }
    }
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
    cluster.restartApp(node);
    long deadline = System.nanoTime() + readyTimeout.toNanos();
    String app = "down";
    while (System.nanoTime() < deadline) {
      if (cluster.appProcess(node).isEmpty()) {
        return Optional.of("its edge-node exited while starting");
      }
      app = ReadinessProbe.check(cluster.layout().appUrl(node));
      if ("ready".equals(app)) {
        warmUp(node);
        return Optional.empty();
      }
      Pause.millis(1_000);
    }
    return Optional.of("its edge-node was still " + app + " after " + readyTimeout.toSeconds() + " s");
  }

  /** The demo user's reads for a while (every local edge-node seeds it). */
  private void warmUp(NodeName node) {
    ClusterDescriptor.Demo demo = cluster.descriptor().demo();
    int answered = new AppWarmUp(cluster.layout().appUrl(node), demo.username(), demo.password())
        .run(WARM_UP);
    progress.accept("warmed up " + node.id() + "'s edge-node: " + answered + " reads answered in "
        + WARM_UP.toSeconds() + " s");
  }

  @Override
  public Path log(NodeName node) {
    return cluster.log(node, Components.APP);
  }
}
