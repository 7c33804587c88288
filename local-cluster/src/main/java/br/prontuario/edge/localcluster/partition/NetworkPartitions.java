package br.prontuario.edge.localcluster.partition;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.NodePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Cuts and heals the links between a local cluster's nodes for real: an nftables table of the
 * cluster's own drops every TCP packet a node's processes send to another node's ports (matched by
 * the sending socket's control group, see {@link NodeControlGroups}), both ways, so connections
 * time out as on a failed network instead of being refused. Clients outside the nodes (the
 * clinicians, edgectl, the drill) still reach every node, as the hospital Wi-Fi would reach an
 * isolated Mac Studio. Only the cluster's own table is ever written or deleted.
 *
 * <p>The cut links are kept in {@code DIR/partitions} (one "node node" pair per line) so that
 * {@code edgectl status} can show them; {@link #heal()} removes the table and the file.
 */
public final class NetworkPartitions {

  private final NodeControlGroups groups;
  private final ClusterLayout layout;
  private final Path stateFile;

  public NetworkPartitions(NodeControlGroups groups, ClusterLayout layout, Path stateDir) {
    this.groups = groups;
    this.layout = layout;
    this.stateFile = stateDir.resolve("partitions");
  }

  /** The links cut now. */
  public List<PartitionLink> active() {
    if (!Files.isRegularFile(stateFile)) {
      return List.of();
    }
    try {
      List<PartitionLink> links = new ArrayList<>();
      for (String line : Files.readAllLines(stateFile)) {
        String[] nodes = line.strip().split(" ");
        if (nodes.length == 2) {
          links.add(new PartitionLink(NodeName.parse(nodes[0]), NodeName.parse(nodes[1])));
        }
      }
      return links;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cuts {@code node} from {@code from}, or from every other node when empty; links already cut
   * stay cut. Returns every link cut afterwards.
   */
  public List<PartitionLink> cut(NodeName node, Optional<NodeName> from) {
    groups.unavailableReason().ifPresent(reason -> {
      throw new IllegalStateException("cannot partition: " + reason);
    });
    Set<PartitionLink> links = new LinkedHashSet<>(active());
    for (NodeName other : NodeName.values()) {
      if (other != node && from.map(f -> f == other).orElse(true)) {
        links.add(new PartitionLink(node, other));
      }
    }
    requireConfined(links);
    List<PartitionLink> result = List.copyOf(links);
    Nft.apply(script(result));
    save(result);
    return result;
  }

  /** Restores every link: the cluster's table is deleted. Harmless when nothing is cut. */
  public void heal() {
    if (Nft.binaryPresent() && groups.available()) {
      Nft.apply(deleteTable());
    }
    try {
      Files.deleteIfExists(stateFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A node whose processes started outside its group (a cluster started by an older edgectl)
   * would keep talking across the cut: refuse rather than pretend.
   */
  private void requireConfined(Set<PartitionLink> links) {
    Set<NodeName> nodes = new TreeSet<>();
    links.forEach(l -> {
      nodes.add(l.first());
      nodes.add(l.second());
    });
    for (NodeName node : nodes) {
      if (groups.members(node).isEmpty()) {
        throw new IllegalStateException("no process of " + node + " runs in its control group "
            + groups.group(node) + "; restart the cluster (bin/edgectl down, then up) with this edgectl");
      }
    }
  }

  String script(List<PartitionLink> links) {
    StringBuilder rules = new StringBuilder();
    for (PartitionLink link : links) {
      rules.append(drop(link.first(), link.second(), link));
      rules.append(drop(link.second(), link.first(), link));
    }
    return deleteTable() + "table inet " + tableName() + " {\n"
        + "  chain output {\n"
        + "    type filter hook output priority 0; policy accept;\n"
        + rules
        + "  }\n"
        + "}\n";
  }

  private String drop(NodeName sender, NodeName receiver, PartitionLink link) {
    String ports = ports(receiver).stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "    socket cgroupv2 level " + groups.nftLevel(sender) + " \"" + groups.nftPath(sender)
        + "\" tcp dport { " + ports + " } drop comment \"" + link.first().id() + " "
        + link.second().id() + "\"\n";
  }

  /** Every port a node's processes listen on: its engines (the Kafka broker's too) and its entry HAProxy. */
  List<Integer> ports(NodeName node) {
    NodePorts p = layout.ports(node);
    ClusterLayout.HaproxyEndpoints entry = layout.entry(node);
    return IntStream.of(p.etcdClient(), p.etcdPeer(), p.patroniRest(), p.postgres(), p.redis(),
            p.sentinel(), p.app(), p.mllp(), p.kafka(), p.kafkaController(), entry.entryPort(),
            entry.statsPort(), entry.runtimeApiPort(), entry.redirectPort(), entry.labPort())
        .filter(port -> port > 0).distinct().sorted().boxed().toList();
  }

  /** Declaring the table first makes deleting it valid when it does not exist yet. */
  private String deleteTable() {
    return "table inet " + tableName() + "\ndelete table inet " + tableName() + "\n";
  }

  String tableName() {
    return "prontuario_edge_" + groups.clusterId();
  }

  private void save(List<PartitionLink> links) {
    try {
      Path tmp = stateFile.resolveSibling("partitions.tmp");
      Files.writeString(tmp, links.stream().map(l -> l.first().id() + " " + l.second().id() + "\n")
          .collect(Collectors.joining()));
      Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
