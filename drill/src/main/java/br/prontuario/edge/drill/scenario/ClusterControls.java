package br.prontuario.edge.drill.scenario;

import java.time.Clock;
import java.util.Optional;

/** Picks how to drive the cluster a {@code cluster.json} describes. */
public final class ClusterControls {

  private ClusterControls() {}

  public static ClusterControl open(ClusterFile cluster, Optional<ControllerApi> controller,
      Clock clock) {
    if (cluster.production()) {
      return new ControllerOnlyControl(controller.orElseThrow(() -> new IllegalArgumentException(
          "a production deployment is drilled through its controller; cluster.json has no "
              + "controller url")), clock);
    }
    throw new IllegalStateException("driving a local cluster needs the EdgeCluster launcher "
        + "(module local-cluster), not merged into this build yet");
  }
}
