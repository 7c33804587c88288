package br.prontuario.edge.ctl.controller;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The controller's planned switchover, for commands that move the active role as one step. */
public final class ControllerSwitchover {

  private ControllerSwitchover() {}

  /** Returns when the controller reports it done; throws {@link IllegalStateException} when not. */
  public static void to(Path dir, String node) {
    JsonNode event = ControllerClient.forCluster(dir).post("api/v1/switchover", Map.of("to", node));
    if (SwitchoverCommand.anyFailed(event)) {
      throw new IllegalStateException("switchover to " + node + " incomplete: "
          + HistoryCommand.line(event));
    }
  }

  /**
   * How a rolling command moves the active role on a local cluster: the controller moves it with
   * the leader; a cluster without one, Patroni alone.
   */
  public static Consumer<NodeName> of(EdgeCluster cluster) {
    return ClusterDescriptor.read(cluster.stateDir()).controllerUrl() != null
        ? node -> to(cluster.stateDir(), node.id())
        : cluster::patroniSwitchover;
  }
}
