package br.prontuario.edge.controller.metrics;

import br.prontuario.edge.controller.decision.ClusterMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replication lag in seconds, for the seed's DatabaseReplicationLag alert. Patroni 3.0 reports lag
 * in bytes only, so a replica's lag in seconds is how long it has been continuously behind the
 * leader (0 while it is caught up); a replica Patroni no longer lists keeps counting.
 */
final class LagClock {

  private final Clock clock;
  private final Map<String, Instant> behindSince = new HashMap<>();

  LagClock(Clock clock) {
    this.clock = clock;
  }

  /** Seconds of lag per member name after this observation of the DCS view. */
  synchronized Map<String, Double> update(List<String> nodes, List<ClusterMember> members) {
    Instant now = clock.instant();
    Map<String, Double> seconds = new HashMap<>();
    for (String node : nodes) {
      ClusterMember member = members.stream().filter(m -> m.name().equals(node)).findFirst().orElse(null);
      boolean caughtUp = member != null && (member.isLeader() || (member.lagBytes() == 0 && member.isReplicating()));
      if (caughtUp) {
        behindSince.remove(node);
        seconds.put(node, 0.0);
      } else if (members.isEmpty()) {
        // no Patroni answered: nothing to say about lag, keep what we had
        Instant since = behindSince.get(node);
        seconds.put(node, since == null ? 0.0 : Duration.between(since, now).toMillis() / 1000.0);
      } else {
        Instant since = behindSince.computeIfAbsent(node, n -> now);
        seconds.put(node, Duration.between(since, now).toMillis() / 1000.0);
      }
    }
    return seconds;
  }
}
