package br.prontuario.edge.controller.probe;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The nodes the controller watches and where to reach each of their parts.
 *
 * @param sentinels Redis Sentinels as host:port
 * @param sentinelMaster the master name Sentinel monitors (edge)
 */
@Validated
@ConfigurationProperties("edge.controller.cluster")
public record ClusterTopology(@NotEmpty @Valid List<Node> nodes, List<String> sentinels, String sentinelMaster) {

  public ClusterTopology {
    sentinels = sentinels == null ? List.of() : List.copyOf(sentinels);
    sentinelMaster = sentinelMaster == null || sentinelMaster.isBlank() ? "edge" : sentinelMaster;
    List<String> names = nodes.stream().map(Node::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("edge.controller.cluster.nodes has duplicate names: " + names);
    }
  }

  public Node node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown node " + name));
  }

  /**
   * @param appUrl edge-node base URL (its /health/ready is probed)
   * @param patroniUrl Patroni REST API base URL
   * @param redis this node's redis-server as host:port, to match Sentinel's answer
   */
  public record Node(@NotBlank String name, @NotBlank String appUrl, @NotBlank String patroniUrl, String redis) {}
}
