package br.prontuario.edge.drill.chaos;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.load.DuplicateWrites;
import br.prontuario.edge.drill.measure.LeaseTimeline;
import br.prontuario.edge.drill.measure.LinkCut;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a soak's history against what clinicians are promised: every acknowledged note present
 * exactly once, no commit acknowledged by a primary another node had superseded, never
 * two writable primaries at once, and a cluster that came back after every fault.
 *
 * <p>A note's committing database is known only when its edge-node could reach no other: its
 * link to the other data node cut (a connection to the other node's PostgreSQL stalls there). An
 * edge-node with both links may have committed on either node, so those notes are covered by the
 * commit probes, which commit on each node's PostgreSQL directly.
 */
public final class HistoryCheck {

  private static final List<String> DATA_NODES = List.of("node-a", "node-b");

  private HistoryCheck() {}

  public static ChaosVerdict of(ChaosHistory history) {
    List<String> problems = new ArrayList<>();
    List<AckedWrite> acked = history.load().acked();

    List<String> lost = new ArrayList<>();
    boolean complete = history.readBack().complete();
    if (complete) {
      acked.stream().map(AckedWrite::noteId)
          .filter(id -> !history.readBack().foundNoteIds().contains(id)).forEach(lost::add);
    } else {
      problems.add("the notes could not all be read back: " + history.readBack().problem());
    }
    if (!lost.isEmpty()) {
      problems.add(lost.size() + " acknowledged notes missing");
    }
    int duplicated = DuplicateWrites.count(history.readBack().stored());
    if (duplicated > 0) {
      problems.add(duplicated + " acknowledged notes stored more than once");
    }

    int notesByNonPrimary = notesAckedByNonPrimary(acked, history);
    if (notesByNonPrimary > 0) {
      problems.add(notesByNonPrimary + " notes acknowledged through a cut-off node after another node took the lease");
    }
    int probeCommits = 0;
    int probesByNonPrimary = 0;
    List<String> nonPrimaryCommits = new ArrayList<>();
    for (Map.Entry<String, List<Instant>> node : history.probes().acknowledged().entrySet()) {
      probeCommits += node.getValue().size();
      for (Instant t : node.getValue()) {
        if (history.leases().supersededAt(node.getKey(), t)) {
          probesByNonPrimary++;
          if (nonPrimaryCommits.size() < 20) {
            nonPrimaryCommits.add(node.getKey() + " at " + whenAndDuring(history, t));
          }
        }
      }
    }
    if (probesByNonPrimary > 0) {
      problems.add(probesByNonPrimary + " probe commits acknowledged by a node after another node took the lease");
    }
    double dual = history.probes().dualPrimaryWindowSeconds();
    if (dual > 0) {
      problems.add(String.format(Locale.ROOT, "two nodes acknowledged commits at once for %.1f s", dual));
    }

    int unrecovered = (int) history.faults().stream().filter(f -> f.servingAgainAt() == null).count();
    if (unrecovered > 0) {
      problems.add(unrecovered + " faults after which the nodes did not serve again");
    }
    if (history.stoppedEarly() != null) {
      problems.add("stopped early: " + history.stoppedEarly());
    }
    if (acked.isEmpty()) {
      problems.add("no note was acknowledged: nothing was checked");
    }
    Map<String, Integer> byKind = new TreeMap<>();
    history.faults().forEach(f -> byKind.merge(
        f.step().fault().name().toLowerCase(Locale.ROOT).replace('_', '-'), 1, Integer::sum));
    return new ChaosVerdict(history.faults().size(), byKind, acked.size(), lost, duplicated,
        complete, notesByNonPrimary, probesByNonPrimary, probeCommits, dual,
        history.leaderMoves().size(), longestWriteGapSeconds(history.load().attempts()),
        unrecovered, problems, nonPrimaryCommits);
  }

  /** "+12:34.5, 3.2 s after fault 17 freeze node-a 8 s was injected" (healed or not yet). */
  private static String whenAndDuring(ChaosHistory history, Instant t) {
    long ms = Duration.between(history.startedAt(), t).toMillis();
    String offset = String.format(Locale.ROOT, "+%02d:%04.1f", ms / 60_000, (ms % 60_000) / 1000.0);
    return history.faults().stream().filter(f -> !f.injectedAt().isAfter(t))
        .reduce((first, second) -> second)
        .map(f -> String.format(Locale.ROOT, "%s, %.1f s after fault %s was injected%s", offset,
            Duration.between(f.injectedAt(), t).toMillis() / 1000.0, f.step().describe(),
            f.healedAt() != null && f.healedAt().isBefore(t) ? " (healed)" : ""))
        .orElse(offset + ", before the first fault");
  }

  /** Notes whose edge-node could reach only its own node's PostgreSQL after another node took the lease. */
  private static int notesAckedByNonPrimary(List<AckedWrite> acked, ChaosHistory history) {
    List<LinkCut> cuts = history.probes().cuts();
    LeaseTimeline leases = history.leases();
    int count = 0;
    for (AckedWrite note : acked) {
      String node = note.servedBy();
      if (note.emergency() || node == null || !DATA_NODES.contains(node)) {
        continue;
      }
      String peer = DATA_NODES.get(1 - DATA_NODES.indexOf(node));
      boolean onlyItsOwnDatabase = cuts.stream().anyMatch(c -> c.separates(node, peer)
          && c.covers(note.sentAt()) && c.covers(note.ackAt()));
      // sent after the lease moved: whenever it committed, it committed on a superseded primary
      if (onlyItsOwnDatabase && leases.supersededAt(node, note.sentAt())) {
        count++;
      }
    }
    return count;
  }

  /** The longest stretch between two acknowledged writes (replays included: they were answered). */
  static double longestWriteGapSeconds(List<Attempt> attempts) {
    List<Instant> acks = attempts.stream().filter(a -> a.isWrite() && a.ok()).map(Attempt::doneAt)
        .sorted().toList();
    long longest = 0;
    for (int i = 1; i < acks.size(); i++) {
      longest = Math.max(longest, Duration.between(acks.get(i - 1), acks.get(i)).toMillis());
    }
    return longest / 1000.0;
  }
}
