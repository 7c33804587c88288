package br.prontuario.edge.controller.probe;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.NodeProbe;
import br.prontuario.edge.controller.decision.PgRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterProberTest {

  private final List<ClusterMember> staleFromThawedNodeA = List.of(
      new ClusterMember("node-a", "leader", "running", 0, 2), new ClusterMember("node-b", "sync_standby", "running", 0, 2));
  private final List<ClusterMember> currentFromNodeB = List.of(
      new ClusterMember("node-a", "replica", "stopped", -1, 2), new ClusterMember("node-b", "leader", "running", 0, 3));

  @Test
  void prefersTheViewWhoseLeaderSaysItIsPrimaryOverAThawedNodesStaleCache() {
    List<NodeProbe> probes = List.of(NodeProbe.healthy("node-a", PgRole.REPLICA), NodeProbe.healthy("node-b", PgRole.PRIMARY));

    assertThat(ClusterProber.freshest(List.of(staleFromThawedNodeA, currentFromNodeB), probes))
        .isEqualTo(currentFromNodeB);
  }

  @Test
  void fallsBackToTheFirstViewWhenNoLeaderConfirmsItself() {
    List<NodeProbe> probes = List.of(NodeProbe.healthy("node-a", PgRole.UNKNOWN), NodeProbe.healthy("node-b", PgRole.UNKNOWN));

    assertThat(ClusterProber.freshest(List.of(staleFromThawedNodeA, currentFromNodeB), probes))
        .isEqualTo(staleFromThawedNodeA);
    assertThat(ClusterProber.freshest(List.of(), probes)).isEmpty();
  }
}
