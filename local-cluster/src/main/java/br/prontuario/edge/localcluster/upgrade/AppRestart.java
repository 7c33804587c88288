package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.Pause;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A node's edge-node restarted (gently: Spring finishes the requests in flight) and awaited until
 * it answers {@code /health/ready}, then warmed up with reads ({@link AppWarmUp}) before a
 * switchover sends it clinicians: a cold JVM answered writes in 3 s.
 */
public final class AppRestart {

  /** What a rolling restart gives each node unless told otherwise ({@code --warm-up}). */
  public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(20);

  private final EdgeCluster cluster;
  private final Duration readyTimeout;
  private final Duration warmUp;
  private final Consumer<String> progress;

  /** @param warmUp how long the restarted node answers reads before it may get clinicians */
  public AppRestart(EdgeCluster cluster, Duration readyTimeout, Duration warmUp,
      Consumer<String> progress) {
    this.cluster = cluster;
    this.readyTimeout = readyTimeout;
    this.warmUp = warmUp;
    this.progress = progress;
  }

  /** Empty once the node's edge-node serves again and was warmed up; else why not. */
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
    if (warmUp.isZero()) {
      progress.accept(node.id() + "'s edge-node serves, not warmed up (asked for none)");
      return;
    }
    ClusterDescriptor.Demo demo = cluster.descriptor().demo();
    int answered = new AppWarmUp(cluster.layout().appUrl(node), demo.username(), demo.password())
        .run(warmUp);
    progress.accept("warmed up " + node.id() + "'s edge-node: " + answered + " reads answered in "
        + warmUp.toSeconds() + " s");
  }
}
