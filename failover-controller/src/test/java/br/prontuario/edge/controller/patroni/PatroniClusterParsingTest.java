package br.prontuario.edge.controller.patroni;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.PgRole;
import br.prontuario.edge.site.patroni.PatroniClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses a /cluster answer in the shape Patroni 3.0.2's cluster_as_json produces. */
class PatroniClusterParsingTest {

  @Test
  void readsRolesStatesLagAndTimelineOfEveryMember() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/patroni/cluster.json")) {
      List<ClusterMember> members = PatroniMembers.of(
          PatroniClient.ClusterView.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));

      assertThat(members).containsExactly(
          new ClusterMember("node-a", "leader", "running", 0, 2),
          new ClusterMember("node-b", "sync_standby", "running", 0, 2),
          new ClusterMember("node-c", "replica", "stopped", -1, 0));
      assertThat(members.get(1).isSyncStandby()).isTrue();
      assertThat(members.get(2).isReplicating()).isFalse();
    }
  }

  @Test
  void patroni30CallsItsPrimaryMaster() {
    assertThat(PgRole.fromPatroni("master")).isEqualTo(PgRole.PRIMARY);
    assertThat(PgRole.fromPatroni("primary")).isEqualTo(PgRole.PRIMARY);
    assertThat(PgRole.fromPatroni("replica")).isEqualTo(PgRole.REPLICA);
    assertThat(PgRole.fromPatroni(null)).isEqualTo(PgRole.UNKNOWN);
  }
}
