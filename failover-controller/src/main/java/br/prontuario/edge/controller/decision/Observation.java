package br.prontuario.edge.controller.decision;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one probe round saw: each node, and the cluster as Patroni's DCS lists it.
 *
 * @param at when the round's probes had answered (wall clock, for the history)
 * @param monotonicNanos when the round's failures count from, on the monotonic clock
 *     ({@code System.nanoTime}): its start, or for a round the controller's own pause stretched,
 *     one probe timeout before it ended; how far apart failures are, whatever the wall clock did
 */
public record Observation(Instant at, long monotonicNanos, List<NodeProbe> nodes, List<ClusterMember> members) {

  public Observation {
    nodes = List.copyOf(nodes);
    members = List.copyOf(members);
  }

  public Optional<ClusterMember> leader() {
    return members.stream().filter(ClusterMember::isLeader).findFirst();
  }

  public Optional<ClusterMember> member(String name) {
    return members.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public List<String> selfReportedPrimaries() {
    return nodes.stream().filter(n -> n.selfRole() == PgRole.PRIMARY).map(NodeProbe::node).toList();
  }
}
