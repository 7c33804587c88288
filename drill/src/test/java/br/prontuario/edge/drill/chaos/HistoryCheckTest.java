package br.prontuario.edge.drill.chaos;

import static br.prontuario.edge.drill.measure.LeaseAnswer.HELD;
import static br.prontuario.edge.drill.measure.LeaseAnswer.NOT_HELD;
import static br.prontuario.edge.drill.measure.LeaseAnswer.NO_ANSWER;
import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.Attempt;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.drill.load.StoredNote;
import br.prontuario.edge.drill.measure.CommitProbes;
import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.LeaseTimeline;
import br.prontuario.edge.drill.measure.LeaseTimeline.Observation;
import br.prontuario.edge.drill.measure.LinkCut;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryCheckTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration PERIOD = Duration.ofMillis(500);

  /**
   * 40 s: node-a leads until it is cut off at 10 s (lease gone from 16 s), node-b leads from 22 s;
   * one note a second, served by node-a until 10 s and by node-b from 22 s.
   */
  private final Map<String, List<Instant>> probeAcks = new HashMap<>(Map.of(
      "node-a", every(0, 10), "node-b", every(22, 40)));
  private final Map<String, List<Observation>> leases = new HashMap<>(Map.of(
      "node-a", answers(0, 40, 16), "node-b", answersFrom(0, 40, 22)));
  private final List<LinkCut> cuts = new ArrayList<>(List.of(new LinkCut("node-a", at(10_000), at(35_000))));
  private final List<AckedWrite> acked = new ArrayList<>();
  private final List<StoredNote> stored = new ArrayList<>();
  private final Set<String> found = new HashSet<>();
  private final List<InjectedFault> faults = new ArrayList<>(List.of(new InjectedFault(
      new ChaosStep(1, ChaosFault.ISOLATE, "node-a", null, Duration.ofSeconds(25), Duration.ofSeconds(2)),
      at(10_000), at(35_000), at(38_000), null)));

  HistoryCheckTest() {
    for (int s = 0; s < 40; s++) {
      if (s < 10 || s >= 22) {
        note(s, s < 10 ? "node-a" : "node-b", true);
      }
    }
  }

  @Test
  void aCleanFailoverUnderLoadPasses() {
    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.problems()).isEmpty();
    assertThat(verdict.passed()).isTrue();
    assertThat(verdict.acknowledgedNotes()).isEqualTo(28);
    assertThat(verdict.probeCommits()).isEqualTo(56);
    assertThat(verdict.faultsByKind()).containsEntry("isolate", 1);
    // the last note of node-a at 9.1 s, the first of node-b at 22.1 s
    assertThat(verdict.longestWriteGapSeconds()).isEqualTo(13.0);
  }

  @Test
  void anAcknowledgedNoteThatIsNotStoredIsLost() {
    found.remove("n-5");

    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.lostNoteIds()).containsExactly("n-5");
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void aNoteStoredTwiceIsCaught() {
    stored.add(new StoredNote("p1", "n-extra", "note n-5"));

    assertThat(HistoryCheck.of(history()).duplicatedNotes()).isEqualTo(1);
  }

  @Test
  void theIsolatedNodeCommittingAfterTheOtherTookTheLeaseIsCaughtByProbesAndNotes() {
    // node-a keeps acknowledging until 26 s: node-b answered "held" from 22 s
    probeAcks.put("node-a", every(0, 26));
    note(23, "node-a", true);

    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.probeCommitsAckedByNonPrimary()).isEqualTo(8); // 22.0 .. 25.5 s
    assertThat(verdict.nonPrimaryCommits()).first().asString()
        .startsWith("node-a at +00:22.0, 12.0 s after fault 1 isolate node-a 25 s was injected");
    assertThat(verdict.notesAckedByNonPrimary()).isEqualTo(1);
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void aPrimaryThatAnswersNoLeaseWhileNobodyElseTookItIsNotSuperseded() {
    // node-a answers 503 from 16 s (its Patroni cannot reach etcd) but commits until 20 s,
    // confirmed by its sync standby: node-b only wins the lease at 22 s
    probeAcks.put("node-a", every(0, 20));
    note(18, "node-a", true);

    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.probeCommitsAckedByNonPrimary()).isZero();
    assertThat(verdict.notesAckedByNonPrimary()).isZero();
  }

  @Test
  void aPromotionBetweenTwoLeaseAnswersIsNotMistakenForAStalePrimary() {
    // node-b's commit at 21.8 s: the answer before it (21.5 s) said no, the next (22.0 s) yes
    List<Instant> b = new ArrayList<>(probeAcks.get("node-b"));
    b.add(0, at(21_800));
    probeAcks.put("node-b", b);

    assertThat(HistoryCheck.of(history()).probeCommitsAckedByNonPrimary()).isZero();
  }

  @Test
  void aLeaderThatCouldNotAnswerIsNotTakenForOneThatLostItsLease() {
    // node-b frozen 30.0-34.0 s: its Patroni answers nothing, then it thaws still leading and
    // commits at 32.8 s (the commit sent during the freeze completes once it thaws)
    List<Observation> b = new ArrayList<>(leases.get("node-b").stream()
        .map(o -> o.at().isBefore(at(30_000)) || !o.at().isBefore(at(34_000)) ? o
            : new Observation(o.at(), NO_ANSWER)).toList());
    leases.put("node-b", b);
    // frozen, it acknowledged nothing else meanwhile
    List<Instant> acks = new ArrayList<>(probeAcks.get("node-b").stream()
        .filter(t -> t.isBefore(at(30_000)) || !t.isBefore(at(34_000))).toList());
    acks.add(at(32_800));
    probeAcks.put("node-b", acks);

    assertThat(HistoryCheck.of(history()).probeCommitsAckedByNonPrimary()).isZero();

    // the same commit after node-a took the lease during the freeze (and kept it) is counted
    List<Observation> a = new ArrayList<>(leases.get("node-a"));
    a.add(new Observation(at(31_000), HELD));
    a.add(new Observation(at(33_500), HELD));
    leases.put("node-a", a);
    assertThat(HistoryCheck.of(history()).probeCommitsAckedByNonPrimary()).isEqualTo(1);
  }

  @Test
  void aNoteServedByANodeWithBothLinksIsNotJudgedByThatNodesLease() {
    // node-b's edge-node reached node-a's PostgreSQL before the cut: node-b did not lead then
    note(5, "node-b", true);

    assertThat(HistoryCheck.of(history()).notesAckedByNonPrimary()).isZero();
  }

  @Test
  void twoNodesAcknowledgingAtOnceFailTheSoak() {
    probeAcks.put("node-b", every(8, 40));

    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.dualPrimaryWindowSeconds()).isPositive();
    assertThat(verdict.passed()).isFalse();
  }

  @Test
  void aFaultTheClusterDidNotComeBackFromFailsTheSoak() {
    faults.add(new InjectedFault(new ChaosStep(2, ChaosFault.KILL, "node-b", null,
        Duration.ofSeconds(3), Duration.ofSeconds(2)), at(38_000), at(39_000), null, "no leader"));

    ChaosVerdict verdict = HistoryCheck.of(history());

    assertThat(verdict.unrecoveredFaults()).isEqualTo(1);
    assertThat(verdict.problems()).anyMatch(p -> p.contains("did not serve again"));
  }

  @Test
  void anIncompleteReadBackIsNeverAPass() {
    ChaosHistory h = history();
    ChaosHistory incomplete = new ChaosHistory(h.seed(), h.minutes(), h.startedAt(), h.endedAt(),
        h.faults(), h.load(), new NoteVerifier.Verification(Set.of(), List.of(), false, "status 503"),
        h.probes(), h.leases(), h.leaderMoves(), null);

    ChaosVerdict verdict = HistoryCheck.of(incomplete);

    assertThat(verdict.readBackComplete()).isFalse();
    assertThat(verdict.lostNoteIds()).isEmpty();
    assertThat(verdict.passed()).isFalse();
  }

  private ChaosHistory history() {
    List<Attempt> attempts = acked.stream().map(w -> new Attempt(Attempt.Kind.WRITE, 1,
        w.sequence(), w.sentAt(), w.ackAt(), 201, true)).toList();
    var probes = new CommitProbes(PERIOD, probeAcks, cuts, Map.of(), Map.of());
    return new ChaosHistory(1, 1, T0, at(40_000), faults,
        new LoadResult(attempts, acked, List.of("p1")),
        new NoteVerifier.Verification(found, stored, true, null), probes,
        new LeaseTimeline(leases), List.of(new ControllerEvent(at(22_000),
            ControllerEvent.Phase.PROMOTION, "node-a → node-b")), null);
  }

  private void note(int second, String servedBy, boolean keep) {
    String id = "n-" + second + (acked.stream().anyMatch(a -> a.noteId().equals("n-" + second)) ? "b" : "");
    acked.add(new AckedWrite("p1", id, 1, second, "k-" + id, at(second * 1000L),
        at(second * 1000L + 100), "entry", false, servedBy));
    if (keep) {
      stored.add(new StoredNote("p1", id, "note " + id));
      found.add(id);
    }
  }

  /** Every half second from {@code from} to {@code to} s, holding the lease until {@code lostAt}. */
  private static List<Observation> answers(int from, int to, int lostAt) {
    return every(from, to).stream()
        .map(t -> new Observation(t, t.isBefore(at(lostAt * 1000L)) ? HELD : NOT_HELD)).toList();
  }

  /** Every half second, holding the lease from {@code wonAt} on. */
  private static List<Observation> answersFrom(int from, int to, int wonAt) {
    return every(from, to).stream()
        .map(t -> new Observation(t, !t.isBefore(at(wonAt * 1000L)) ? HELD : NOT_HELD)).toList();
  }

  private static List<Instant> every(int fromSecond, int toSecond) {
    List<Instant> times = new ArrayList<>();
    for (long ms = fromSecond * 1000L; ms < toSecond * 1000L; ms += 500) {
      times.add(at(ms));
    }
    return times;
  }

  private static Instant at(long ms) {
    return T0.plusMillis(ms);
  }
}
