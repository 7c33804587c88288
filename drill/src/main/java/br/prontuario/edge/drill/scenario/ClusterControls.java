package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Picks how to drive the cluster a {@code cluster.json} describes. */
public final class ClusterControls {

  private ClusterControls() {}

  /**
   * A production deployment through its controller only; a local cluster through the
   * {@link EdgeCluster} launcher, with the repository's cluster configuration.
   */
  public static ClusterControl open(ClusterFile cluster, Optional<ControllerApi> controller,
      Clock clock, Path repositoryRoot) {
    if (cluster.production()) {
      return new ControllerOnlyControl(controller.orElseThrow(() -> new IllegalArgumentException(
          "a production deployment is drilled through its controller; cluster.json has no "
              + "controller url")), clock);
    }
    EdgeCluster edge = EdgeCluster.at(cluster.dir(),
        ClusterConfigLoader.loadFromRepository(repositoryRoot), repositoryRoot);
    return new LocalClusterControl(edge, controller, clock);
  }
}
