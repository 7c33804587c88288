package br.prontuario.edge.drill.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the drill's direct commit probes saw during a run: when each node's PostgreSQL acknowledged
 * a commit (one probe per node every {@code period}), when a node was seen without the leader
 * lease (its Patroni's {@code /primary} not answering 200, asked before each probe), when nodes
 * were cut off, and when the clients' notes were acknowledged by each node's edge-node.
 *
 * <p>Two figures follow, both 0 in a sound cluster. {@link #acknowledgedAfterLeaseLost()}: commits
 * a cut-off node acknowledged once it had been seen without the lease during that cut (its own
 * probes, and notes its edge-node acknowledged: cut off, that edge-node reaches only its own node's
 * database). A primary that keeps its lease through a short cut may go on alone (Patroni's
 * non-strict synchronous mode drops the unreachable standby from the synchronous set; the standby,
 * no longer synchronous, can then not be promoted): that is availability, not split brain.
 * {@link #dualPrimaryWindowSeconds()}: the longest time two nodes both acknowledged commits, each
 * node's acknowledgements joined into writable spans when no more than {@link #SPAN_GAP_PERIODS}
 * periods apart, each span widened by half a period on either side.
 */
public record CommitProbes(Duration period, Map<String, List<Instant>> acknowledged,
    List<LinkCut> cuts, Map<String, List<Instant>> notesAcknowledged,
    Map<String, List<Instant>> seenWithoutLease) {

  static final int SPAN_GAP_PERIODS = 3;

  public CommitProbes {
    acknowledged = frozen(acknowledged);
    cuts = List.copyOf(cuts);
    notesAcknowledged = frozen(notesAcknowledged);
    seenWithoutLease = frozen(seenWithoutLease);
  }

  /** A copy the probe threads can no longer change, nodes in name order. */
  private static Map<String, List<Instant>> frozen(Map<String, List<Instant>> timesByNode) {
    Map<String, List<Instant>> copy = new TreeMap<>(timesByNode);
    copy.replaceAll((node, times) -> List.copyOf(times));
    return copy;
  }

  /** Commits a cut-off node acknowledged after it was seen without the leader lease. */
  public int acknowledgedAfterLeaseLost() {
    return acknowledgedAfterLeaseLostOffsets().size();
  }

  /** When each of those commits came, in seconds after its node's cut (what a failing run shows). */
  public List<Double> acknowledgedAfterLeaseLostOffsets() {
    List<Double> offsets = new ArrayList<>();
    for (LinkCut cut : cuts) {
      Optional<Instant> leaseLost = seenWithoutLease.getOrDefault(cut.node(), List.of()).stream()
          .filter(cut::covers).min(Comparator.naturalOrder());
      if (leaseLost.isEmpty()) {
        continue;
      }
      for (Map<String, List<Instant>> acks : List.of(acknowledged, notesAcknowledged)) {
        acks.getOrDefault(cut.node(), List.of()).stream()
            .filter(t -> cut.covers(t) && !t.isBefore(leaseLost.get()))
            .forEach(t -> offsets.add(Duration.between(cut.cutAt(), t).toMillis() / 1000.0));
      }
    }
    return offsets;
  }

  public double dualPrimaryWindowSeconds() {
    List<String> nodes = new ArrayList<>(acknowledged.keySet());
    long longest = 0;
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        for (Instant[] a : spans(acknowledged.get(nodes.get(i)))) {
          for (Instant[] b : spans(acknowledged.get(nodes.get(j)))) {
            Instant from = a[0].isAfter(b[0]) ? a[0] : b[0];
            Instant to = a[1].isBefore(b[1]) ? a[1] : b[1];
            longest = Math.max(longest, Duration.between(from, to).toMillis());
          }
        }
      }
    }
    return longest / 1000.0;
  }

  private List<Instant[]> spans(List<Instant> times) {
    List<Instant> sorted = times.stream().sorted().toList();
    Duration half = period.dividedBy(2);
    Duration gap = period.multipliedBy(SPAN_GAP_PERIODS);
    List<Instant[]> spans = new ArrayList<>();
    Instant start = null;
    Instant last = null;
    for (Instant t : sorted) {
      if (start != null && Duration.between(last, t).compareTo(gap) > 0) {
        spans.add(new Instant[] {start.minus(half), last.plus(half)});
        start = null;
      }
      if (start == null) {
        start = t;
      }
      last = t;
    }
    if (start != null) {
      spans.add(new Instant[] {start.minus(half), last.plus(half)});
    }
    return spans;
  }
}
