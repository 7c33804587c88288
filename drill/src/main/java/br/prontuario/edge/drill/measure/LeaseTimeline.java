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
 * last answer before it and the first after it were both a definite "no" and none between was
 * "yes": a promotion between two answers is never mistaken for a stale primary, nor a node that
 * could not answer (frozen: a leader frozen for less than the TTL thaws still holding its lease)
 * for one that lost its lease.
 */
public record LeaseTimeline(Map<String, List<Observation>> observations) {

  /** One answer, asked at {@code at}. */
  public record Observation(Instant at, LeaseAnswer answer) {

    boolean held() {
      return answer == LeaseAnswer.HELD;
    }

    boolean refused() {
      return answer == LeaseAnswer.NOT_HELD;
    }
  }

  public LeaseTimeline {
    Map<String, List<Observation>> sorted = new TreeMap<>();
    observations.forEach((node, list) -> sorted.put(node,
        list.stream().sorted(Comparator.comparing(Observation::at)).toList()));
    observations = sorted;
  }

  /** The node said "no lease" just before {@code from} and just after {@code to}, and never "yes" between. */
  public boolean notPrimaryThroughout(String node, Instant from, Instant to) {
    List<Observation> seen = observations.getOrDefault(node, List.of());
    Optional<Observation> before = seen.stream().filter(o -> !o.at().isAfter(from))
        .reduce((first, second) -> second);
    Optional<Observation> after = seen.stream().filter(o -> !o.at().isBefore(to)).findFirst();
    boolean heldBetween = seen.stream()
        .anyMatch(o -> o.held() && !o.at().isBefore(from) && !o.at().isAfter(to));
    return before.isPresent() && before.get().refused() && after.isPresent() && after.get().refused()
        && !heldBetween;
  }
}
