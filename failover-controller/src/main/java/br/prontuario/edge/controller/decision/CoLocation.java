package br.prontuario.edge.controller.decision;

import java.util.Map;
import java.util.Optional;

/**
 * The active node belongs on the PostgreSQL leader's node: its edge-node then writes to its own
 * database, and "active node-b" tells an operator where the primary is. After a failback the
 * controller once routed to node-b and said NORMAL while Patroni's leader was node-a (issue 19).
 */
final class CoLocation {

  private CoLocation() {}

  /**
   * Why the active node is not the leader's node; empty when it is, or while a switchover that
   * moves the leader to it is under way.
   */
  static Optional<String> shortfall(String active, Optional<ClusterMember> leader,
      Map<String, NodeHealth> health, boolean switchoverToActivePending) {
    if (active == null || switchoverToActivePending) {
      return Optional.empty();
    }
    if (leader.isEmpty()) {
      return Optional.of("no PostgreSQL leader in the DCS; the active node " + active + " waits for one");
    }
    String node = leader.get().name();
    if (node.equals(active)) {
      return Optional.empty();
    }
    String gap = "active node " + active + " is not the PostgreSQL leader's node " + node;
    NodeStatus status = statusOf(node, health);
    if (ready(status)) {
      return Optional.of(gap + ": moving the active role there");
    }
    if (status == NodeStatus.APP_UNHEALTHY) {
      return Optional.of(gap + ", whose app is not ready: the leader is to move to the synchronous standby");
    }
    return Optional.of(gap + ", which is " + status + ": waiting for Patroni");
  }

  /**
   * The leader's node when the active role should move there now: it is not the active node and
   * both its app and its Patroni answer. Empty while a switchover to the active node is under way.
   */
  static Optional<String> destination(String active, Optional<ClusterMember> leader,
      Map<String, NodeHealth> health, boolean switchoverToActivePending) {
    if (switchoverToActivePending) {
      return Optional.empty();
    }
    return leader.map(ClusterMember::name)
        .filter(node -> !node.equals(active))
        .filter(node -> ready(statusOf(node, health)));
  }

  private static boolean ready(NodeStatus status) {
    return status == NodeStatus.HEALTHY || status == NodeStatus.SUSPECT;
  }

  private static NodeStatus statusOf(String node, Map<String, NodeHealth> health) {
    NodeHealth h = health.get(node);
    return h == null ? NodeStatus.DOWN : h.status();
  }
}
