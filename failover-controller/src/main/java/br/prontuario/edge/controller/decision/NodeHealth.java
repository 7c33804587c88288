package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * One node's health with the evidence behind it.
 *
 * @param failingSince when the current run of failures started (detection start), empty if none
 */
public record NodeHealth(
    String node, NodeStatus status, int appFailures, int patroniFailures, Optional<Instant> failingSince) {

  /** For reasons and alerts: "node-a DOWN (app failures 3, patroni failures 3), ...". */
  static String describe(Collection<NodeHealth> nodes) {
    return String.join(", ", nodes.stream()
        .map(h -> h == null ? "unknown" : h.node() + " " + h.status() + " (app failures " + h.appFailures()
            + ", patroni failures " + h.patroniFailures() + ")")
        .toList());
  }
}
