package br.prontuario.edge.localcluster.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkPartitionsTest {

  private static final ClusterLayout LAYOUT = ClusterLayout.local(
      ClusterConfigLoader.loadFromRepository(Path.of(System.getProperty("user.dir")).getParent()));

  @TempDir Path stateDir;

  private final NodeControlGroups groups =
      new NodeControlGroups(Optional.of(Path.of("/sys/fs/cgroup/unified")), "0a1b2c3d");

  @Test
  void eachCutLinkDropsBothDirectionsAndOnlyTheReceiversPorts() {
    var partitions = new NetworkPartitions(groups, LAYOUT, stateDir);
    String script = partitions.script(List.of(new PartitionLink(NodeName.NODE_B, NodeName.NODE_A)));

    String aGroup = "\"unified/prontuario-edge/0a1b2c3d/node-a\"";
    String bGroup = "\"unified/prontuario-edge/0a1b2c3d/node-b\"";
    assertThat(script).contains("socket cgroupv2 level 3 " + aGroup + " tcp dport { "
        + joined(partitions.ports(NodeName.NODE_B)) + " } drop");
    assertThat(script).contains("socket cgroupv2 level 3 " + bGroup + " tcp dport { "
        + joined(partitions.ports(NodeName.NODE_A)) + " } drop");
    assertThat(script).doesNotContain("witness");
    // declared, deleted and written again in one transaction: re-cutting replaces, never adds twice
    assertThat(script).startsWith("table inet prontuario_edge_0a1b2c3d\n"
        + "delete table inet prontuario_edge_0a1b2c3d\n");
  }

  @Test
  void aNodesPortsAreItsEnginesAndItsEntryHaproxyNeverAnUnusedZero() {
    var partitions = new NetworkPartitions(groups, LAYOUT, stateDir);
    var witness = LAYOUT.ports(NodeName.WITNESS);
    var entry = LAYOUT.entry(NodeName.WITNESS);

    assertThat(partitions.ports(NodeName.WITNESS)).containsExactlyInAnyOrder(witness.etcdClient(),
        witness.etcdPeer(), witness.sentinel(), witness.kafka(), witness.kafkaController(), entry.entryPort(),
        entry.statsPort(), entry.runtimeApiPort(), entry.redirectPort(), entry.labPort());
    assertThat(partitions.ports(NodeName.NODE_A)).contains(LAYOUT.ports(NodeName.NODE_A).postgres(),
        LAYOUT.ports(NodeName.NODE_A).patroniRest(), LAYOUT.ports(NodeName.NODE_A).mllp(),
        LAYOUT.ports(NodeName.NODE_A).kafka(), LAYOUT.entry(NodeName.NODE_A).entryPort());
  }

  @Test
  void aLinkIsTheSameWhicheverNodeIsNamedFirstAndNeverANodeToItself() {
    assertThat(new PartitionLink(NodeName.WITNESS, NodeName.NODE_A))
        .isEqualTo(new PartitionLink(NodeName.NODE_A, NodeName.WITNESS));
    assertThatThrownBy(() -> new PartitionLink(NodeName.NODE_A, NodeName.NODE_A))
        .hasMessageContaining("cannot be cut from itself");
  }

  @Test
  void withoutCgroupV2NothingIsCutAndTheOperatorIsToldWhy() {
    var none = new NodeControlGroups(Optional.empty(), "0a1b2c3d");
    var partitions = new NetworkPartitions(none, LAYOUT, stateDir);

    assertThat(none.launchPrefix(NodeName.NODE_A)).isEmpty();
    assertThatThrownBy(() -> partitions.cut(NodeName.NODE_A, Optional.empty()))
        .hasMessageContaining("cannot partition").hasMessageContaining("cgroup v2");
    assertThat(partitions.active()).isEmpty();
  }

  @Test
  void findsTheCgroupV2MountOnHybridAndUnifiedHosts() {
    assertThat(CgroupMount.parse(List.of(
        "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0",
        "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0")))
        .contains(Path.of("/sys/fs/cgroup/unified"));
    assertThat(CgroupMount.parse(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid 0 0")))
        .contains(Path.of("/sys/fs/cgroup"));
    assertThat(CgroupMount.parse(List.of("proc /proc proc rw 0 0"))).isEmpty();
  }

  @Test
  void theLaunchPrefixWritesTheEnginesOwnPidIntoTheGroupAndThenBecomesTheEngine(@TempDir Path mount)
      throws Exception {
    var local = new NodeControlGroups(Optional.of(mount), "0a1b2c3d");
    List<String> command = new java.util.ArrayList<>(local.launchPrefix(NodeName.NODE_B));
    command.addAll(List.of("/bin/sh", "-c", "echo $$"));

    Process process = new ProcessBuilder(command).start();
    String printedPid = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();

    // the pid the engine reports is the pid written into the group: exec, not a child
    assertThat(local.members(NodeName.NODE_B)).containsExactly(Long.parseLong(printedPid));
    assertThat(printedPid).isEqualTo(String.valueOf(process.pid()));
  }

  private static String joined(List<Integer> ports) {
    return String.join(", ", ports.stream().map(String::valueOf).toList());
  }
}
