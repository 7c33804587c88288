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
        ports.addAll(List.of(p.patroniRest(), p.postgres(), p.redis(), p.app(), p.mllp()));
      }
    }
    for (NodeName node : ClusterLayout.ENTRY_ORDER) {
      var h = first.entry(node);
      ports.addAll(List.of(h.entryPort(), h.statsPort(), h.runtimeApiPort(), h.redirectPort(), h.labPort()));
    }
    assertThat(ports).doesNotHaveDuplicates().allMatch(p -> p > 0);
    assertThat(first.labEntries()).hasSize(3).doesNotHaveDuplicates()
        .startsWith("127.0.0.1:" + first.haproxy().labPort());
    assertThat(ClusterLayout.loadOrCreate(stateDir, CONFIG)).isEqualTo(first);
  }

  @Test
  void everyBoxHasAnEntryAndTheWitnessesStaysTheFirst() {
    ClusterLayout layout = ClusterLayout.loadOrCreate(stateDir, CONFIG);

    assertThat(layout.entrypoints()).hasSize(3).doesNotHaveDuplicates()
        .containsExactly(layout.entrypoint(NodeName.WITNESS), layout.entrypoint(NodeName.NODE_A),
            layout.entrypoint(NodeName.NODE_B));
    assertThat(layout.entrypoint()).isEqualTo(layout.entrypoints().get(0))
        .isEqualTo("https://127.0.0.1:" + layout.haproxy().entryPort());
    assertThat(layout.runtimeApiAddresses()).hasSize(3).doesNotHaveDuplicates()
        .startsWith(layout.runtimeApiAddress());
  }

  @Test
  void aLayoutFromBeforeTheRedundantEntryGainsTheDataNodesHaproxiesAndKeepsItsPorts() throws Exception {
    ClusterLayout current = ClusterLayout.loadOrCreate(stateDir, CONFIG);
    String old = java.nio.file.Files.readString(stateDir.resolve("layout.json"))
        .replaceAll("(?s),\\s*\"entries\"\\s*:\\s*\\{.*\\}\\s*\\}\\s*\\}\\s*$", "\n}\n");
    assertThat(old).doesNotContain("entries");
    java.nio.file.Files.writeString(stateDir.resolve("layout.json"), old);

    ClusterLayout upgraded = ClusterLayout.loadOrCreate(stateDir, CONFIG);

    assertThat(upgraded.nodes()).isEqualTo(current.nodes());
    assertThat(upgraded.haproxy()).isEqualTo(current.haproxy());
    assertThat(upgraded.entrypoints()).hasSize(3).doesNotHaveDuplicates();
    assertThat(ClusterLayout.loadOrCreate(stateDir, CONFIG)).isEqualTo(upgraded);
  }

  @Test
  void aLayoutFromBeforeTheLabPortsGainsThemAndKeepsEveryOtherPort() throws Exception {
    ClusterLayout current = ClusterLayout.loadOrCreate(stateDir, CONFIG);
    String old = java.nio.file.Files.readString(stateDir.resolve("layout.json"))
        .replaceAll(",\\s*\"(labPort|mllp)\"\\s*:\\s*\\d+", "");
    assertThat(old).doesNotContain("labPort").doesNotContain("mllp");
    java.nio.file.Files.writeString(stateDir.resolve("layout.json"), old);

    ClusterLayout upgraded = ClusterLayout.loadOrCreate(stateDir, CONFIG);

    assertThat(upgraded.entrypoints()).isEqualTo(current.entrypoints());
    assertThat(upgraded.ports(NodeName.NODE_A).app()).isEqualTo(current.ports(NodeName.NODE_A).app());
    assertThat(upgraded.ports(NodeName.WITNESS).mllp()).isZero();
    List<Integer> added = new ArrayList<>();
    for (NodeName node : ClusterLayout.ENTRY_ORDER) {
      added.add(upgraded.entry(node).labPort());
    }
    added.add(upgraded.ports(NodeName.NODE_A).mllp());
    added.add(upgraded.ports(NodeName.NODE_B).mllp());
    assertThat(added).doesNotHaveDuplicates().allMatch(p -> p > 0)
        .doesNotContain(current.haproxy().entryPort(), current.ports(NodeName.NODE_A).app(),
            current.ports(NodeName.NODE_B).postgres());
    assertThat(ClusterLayout.loadOrCreate(stateDir, CONFIG)).isEqualTo(upgraded);
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
