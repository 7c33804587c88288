package br.prontuario.edge.localcluster.cluster;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the cluster as {@code edgectl status} shows it. {@code db} is leader,
 * sync_standby, replica or down; {@code redis} master, replica or down; {@code app} ready,
 * not-ready or down; {@code lagBytes} is null when unknown. {@code entrypoints} lists every entry
 * URL, preferred first ({@code entrypoint} is the first); {@code entries} says which box's HAProxy
 * answers ({@code haproxyServers} is the first answering one's view of the backend).
 * {@code partitions} lists the links {@code edgectl partition} cut, each as its two nodes.
 */
public record ClusterStatus(
    String entrypoint,
    List<String> entrypoints,
    List<NodeStatus> nodes,
    WitnessStatus witness,
    Map<String, String> haproxyServers,
    List<EntryStatus> entries,
    List<List<String>> partitions) {

  public record NodeStatus(String name, String db, Long lagBytes, Integer timeline, String redis,
      String app, List<String> running) {}

  /**
   * One box's entry HAProxy: its URL, whether its runtime API answers (up, down) and its view of
   * each backend server (empty when down).
   */
  public record EntryStatus(String node, String url, String haproxy, Map<String, String> servers) {}

  public record WitnessStatus(String etcd, String sentinel, String haproxy, List<String> running) {}

  public NodeStatus node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + name));
  }
}
