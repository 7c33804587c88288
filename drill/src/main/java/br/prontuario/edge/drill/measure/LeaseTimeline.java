package br.prontuario.edge.drill.measure;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every answer each node's Patroni gave to "do you hold the leader lease?" ({@code /primary}),
 * asked before each commit probe. A node counts as not primary over an interval only when the
 * last answer before it and the first after it were both "no" and none between was "yes": a
 * promotion between two answers is never mistaken for a stale primary.
 */
public record LeaseTimeline(Map<String, List<Observation>> observations) {

  /** One answer: {@code held} false also when Patroni did not answer at all (killed, frozen). */
  public record Observation(Instant at, boolean held) {}

  public LeaseTimeline {
    Map<String, List<Observation>> sorted = new TreeMap<>();
    observations.forEach((node, list) -> sorted.put(node,
        list.stream().sorted(Comparator.comparing(Observation::at)).toList()));
    observations = sorted;
  }

  /** The node was seen without the lease just before {@code from}, just after {@code to} and in between. */
  public boolean notPrimaryThroughout(String node, Instant from, Instant to) {
    List<Observation> seen = observations.getOrDefault(node, List.of());
    Optional<Observation> before = seen.stream().filter(o -> !o.at().isAfter(from))
        .reduce((first, second) -> second);
    Optional<Observation> after = seen.stream().filter(o -> !o.at().isBefore(to)).findFirst();
    boolean heldBetween = seen.stream()
        .anyMatch(o -> o.held() && !o.at().isBefore(from) && !o.at().isAfter(to));
    return before.isPresent() && !before.get().held() && after.isPresent() && !after.get().held()
        && !heldBetween;
  }
}
