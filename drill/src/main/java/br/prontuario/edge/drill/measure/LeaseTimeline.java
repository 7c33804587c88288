package br.prontuario.edge.drill.measure;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every answer each node's Patroni gave to "do you hold the leader lease?" ({@code /primary}),
 * asked before each commit probe. A commit is stale when another node had been seen holding the
 * lease since the committing node last was: the split-brain the soak hunts. A node that merely
 * could not answer, or answered 503 while its Patroni could not reach etcd, is not stale as long
 * as nobody else took the lease: its sync standby still confirms its commits, and that standby is
 * the only node that could be promoted.
 */
public record LeaseTimeline(Map<String, List<Observation>> observations) {

  /** One answer, asked at {@code at}. */
  public record Observation(Instant at, LeaseAnswer answer) {

    boolean held() {
      return answer == LeaseAnswer.HELD;
    }
  }

  public LeaseTimeline {
    Map<String, List<Observation>> sorted = new TreeMap<>();
    observations.forEach((node, list) -> sorted.put(node,
        list.stream().sorted(Comparator.comparing(Observation::at)).toList()));
    observations = sorted;
  }

  /**
   * Another node answered "held" after {@code node} last did and no later than {@code t}, so a
   * commit {@code node} made at {@code t} came from a superseded primary. A promotion of {@code
   * node} between its last answer and {@code t} is excused: its next answer says "held" and no
   * other node's answer said so meanwhile.
   */
  public boolean supersededAt(String node, Instant t) {
    List<Observation> own = observations.getOrDefault(node, List.of());
    Optional<Instant> lastHeld = own.stream().filter(o -> o.held() && !o.at().isAfter(t))
        .map(Observation::at).reduce((first, second) -> second);
    boolean takenSince = othersHeld(node).anyMatch(o -> !o.at().isAfter(t)
        && (lastHeld.isEmpty() || o.at().isAfter(lastHeld.get())));
    if (!takenSince) {
      return false;
    }
    Optional<Observation> next = own.stream().filter(o -> o.at().isAfter(t)
        && o.answer() != LeaseAnswer.NO_ANSWER).findFirst();
    boolean promotedMeanwhile = next.isPresent() && next.get().held()
        && othersHeld(node).noneMatch(o -> !o.at().isBefore(t) && !o.at().isAfter(next.get().at()));
    return !promotedMeanwhile;
  }

  private Stream<Observation> othersHeld(String node) {
    return observations.entrySet().stream().filter(e -> !e.getKey().equals(node))
        .flatMap(e -> e.getValue().stream()).filter(Observation::held);
  }
}
