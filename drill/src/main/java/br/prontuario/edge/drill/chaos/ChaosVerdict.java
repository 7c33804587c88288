package br.prontuario.edge.drill.chaos;

import java.util.List;
import java.util.Map;

/**
 * What {@link HistoryCheck} found. The soak passes when every acknowledged note was read back
 * exactly once, no commit was acknowledged by a superseded primary, two nodes never
 * acknowledged commits at the same time, and the cluster recovered from every fault.
 *
 * @param lostNoteIds acknowledged notes not read back (ids only, never the text)
 * @param notesAckedByNonPrimary notes acknowledged by an edge-node that could only reach its own
 *     node's PostgreSQL (its link to the other data node cut), sent after the other node had
 *     answered that it held the lease since this node last did
 * @param probeCommitsAckedByNonPrimary the drill's direct commit probes a node acknowledged after
 *     the other node had answered that it held the lease since this node last did (see {@link
 *     br.prontuario.edge.drill.measure.LeaseTimeline#supersededAt})
 * @param dualPrimaryWindowSeconds the longest time both nodes acknowledged probe commits
 * @param longestWriteGapSeconds the longest time no write was acknowledged (what clinicians felt)
 * @param nonPrimaryCommits each probe commit counted in {@code probeCommitsAckedByNonPrimary}:
 *     node, offset from the start and the fault last injected (at most 20), to explain a failure
 */
public record ChaosVerdict(int faults, Map<String, Integer> faultsByKind, int acknowledgedNotes,
    List<String> lostNoteIds, int duplicatedNotes, boolean readBackComplete,
    int notesAckedByNonPrimary, int probeCommitsAckedByNonPrimary, int probeCommits,
    double dualPrimaryWindowSeconds, int leaderMoves, double longestWriteGapSeconds,
    int unrecoveredFaults, List<String> problems, List<String> nonPrimaryCommits) {

  public ChaosVerdict {
    faultsByKind = Map.copyOf(faultsByKind);
    lostNoteIds = List.copyOf(lostNoteIds);
    problems = List.copyOf(problems);
    nonPrimaryCommits = List.copyOf(nonPrimaryCommits);
  }

  public boolean passed() {
    return problems.isEmpty();
  }
}
