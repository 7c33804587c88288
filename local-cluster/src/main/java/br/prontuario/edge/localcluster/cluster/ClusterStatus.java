package br.prontuario.edge.localcluster.cluster;

import java.util.List;
import java.util.Map;

/**
 * A snapshot of the cluster as {@code edgectl status} shows it. {@code db} is leader,
 * sync_standby, replica or down; {@code redis} master, replica or down; {@code app} ready,
 * not-ready or down; {@code lagBytes} is null when unknown. {@code entrypoints} lists every entry
 * URL, preferred first ({@code entrypoint} is the first).
 */
public record ClusterStatus(
    String entrypoint,
    List<String> entrypoints,
    List<NodeStatus> nodes,
    WitnessStatus witness,
    Map<String, String> haproxyServers) {

  public record NodeStatus(String name, String db, Long lagBytes, Integer timeline, String redis,
      String app, List<String> running) {}

  public record WitnessStatus(String etcd, String sentinel, String haproxy, List<String> running) {}

  public NodeStatus node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node " + name));
  }
}
