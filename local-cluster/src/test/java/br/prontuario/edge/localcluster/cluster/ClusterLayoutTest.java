package br.prontuario.edge.localcluster.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterLayoutTest {

  private static final ClusterConfig CONFIG =
      ClusterConfigLoader.loadFromRepository(Path.of(System.getProperty("user.dir")).getParent());

  @TempDir Path stateDir;

  @Test
  void automaticPortsAreDistinctAndKeptForTheNextUp() {
    ClusterLayout first = ClusterLayout.loadOrCreate(stateDir, CONFIG);
    List<Integer> ports = new ArrayList<>();
    for (NodeName node : NodeName.values()) {
      var p = first.ports(node);
      ports.addAll(List.of(p.etcdClient(), p.etcdPeer(), p.sentinel()));
      if (node.isDataNode()) {
        ports.addAll(List.of(p.patroniRest(), p.postgres(), p.redis(), p.app()));
      }
    }
    ports.addAll(List.of(first.haproxy().entryPort(), first.haproxy().statsPort(), first.haproxy().runtimeApiPort(),
        first.haproxy().redirectPort()));
    assertThat(ports).doesNotHaveDuplicates().allMatch(p -> p > 0);
    assertThat(ClusterLayout.loadOrCreate(stateDir, CONFIG)).isEqualTo(first);
  }

  @Test
  void theJdbcUrlNamesBothDataNodesAndAsksForThePrimary() {
    ClusterLayout layout = ClusterLayout.loadOrCreate(stateDir, CONFIG);
    assertThat(layout.jdbcUrl("prontuario")).isEqualTo("jdbc:postgresql://127.0.0.1:"
        + layout.ports(NodeName.NODE_A).postgres() + ",127.0.0.1:" + layout.ports(NodeName.NODE_B).postgres()
        + "/prontuario?targetServerType=primary&hostRecheckSeconds=2&connectTimeout=2&socketTimeout=10");
  }

  @Test
  void eachNodesAppTriesItsOwnDatabaseFirst() {
    ClusterLayout layout = ClusterLayout.loadOrCreate(stateDir, CONFIG);
    String a = "127.0.0.1:" + layout.ports(NodeName.NODE_A).postgres();
    String b = "127.0.0.1:" + layout.ports(NodeName.NODE_B).postgres();
    assertThat(layout.jdbcUrl("prontuario", NodeName.NODE_A)).startsWith("jdbc:postgresql://" + a + "," + b + "/");
    assertThat(layout.jdbcUrl("prontuario", NodeName.NODE_B)).startsWith("jdbc:postgresql://" + b + "," + a + "/");
  }
}
