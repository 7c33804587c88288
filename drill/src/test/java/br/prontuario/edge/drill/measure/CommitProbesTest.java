package br.prontuario.edge.drill.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitProbesTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final Duration PERIOD = Duration.ofMillis(500);

  @Test
  void aCleanFailoverHasNoCommitAfterTheLeaseAndNoTwoPrimariesAtOnce() {
    // node-a acknowledges until the cut at 10 s and loses its lease at 18 s; node-b leads from 22 s
    var probes = new CommitProbes(PERIOD,
        Map.of("node-a", every(0, 10), "node-b", every(22, 40)),
        List.of(new LinkCut("node-a", at(10_000), at(35_000))),
        Map.of(), Map.of("node-a", every(18, 40), "node-b", every(0, 22)));

    assertThat(probes.acknowledgedAfterLeaseLost()).isZero();
    assertThat(probes.dualPrimaryWindowSeconds()).isZero();
  }

  @Test
  void anIsolatedPrimaryAcknowledgingPastItsLeaseIsCaughtTwice() {
    // cut at 10 s, lease gone at 18 s, yet node-a acknowledges until 24 s; node-b leads from 20 s
    var probes = new CommitProbes(PERIOD,
        Map.of("node-a", every(0, 24), "node-b", every(20, 40)),
        List.of(new LinkCut("node-a", at(10_000), null)),
        Map.of(), Map.of("node-a", every(18, 40)));

    assertThat(probes.acknowledgedAfterLeaseLost()).isEqualTo(12);
    assertThat(probes.acknowledgedAfterLeaseLostOffsets()).first().isEqualTo(8.0);
    // 20.0 .. 23.5 s both acknowledged, each span widened by half a period
    assertThat(probes.dualPrimaryWindowSeconds()).isEqualTo(4.0);
  }

  @Test
  void aLeaseholderServingAloneThroughAShortCutIsNotCounted() {
    // a flapping link: 5 s cuts the lease outlives; node-a serves alone (non-strict sync mode)
    var probes = new CommitProbes(PERIOD, Map.of("node-a", every(0, 30)),
        List.of(new LinkCut("node-a", at(5_000), at(10_000)),
            new LinkCut("node-a", at(15_000), at(20_000))),
        Map.of(), Map.of());

    assertThat(probes.acknowledgedAfterLeaseLost()).isZero();
  }

  @Test
  void notesTheCutOffNodesEdgeNodeAcknowledgedAfterTheLeaseCountToo() {
    var probes = new CommitProbes(PERIOD, Map.of(),
        List.of(new LinkCut("node-a", at(10_000), at(30_000))),
        Map.of("node-a", List.of(at(12_000), at(21_000)), "node-b", List.of(at(25_000))),
        Map.of("node-a", List.of(at(20_000))));

    // the note at 12 s came while node-a still held its lease; node-b was never cut
    assertThat(probes.acknowledgedAfterLeaseLostOffsets()).containsExactly(11.0);
  }

  @Test
  void acknowledgementsSecondsApartAreSeparateSpansThatDoNotOverlapAnother() {
    var probes = new CommitProbes(PERIOD, Map.of(
        "node-a", List.of(at(0), at(500), at(5_000)),
        "node-b", List.of(at(2_000), at(2_500))),
        List.of(), Map.of(), Map.of());

    assertThat(probes.dualPrimaryWindowSeconds()).isZero();
  }

  private static List<Instant> every(int fromSecond, int toSecond) {
    List<Instant> times = new ArrayList<>();
    for (long ms = fromSecond * 1000L; ms < toSecond * 1000L; ms += PERIOD.toMillis()) {
      times.add(at(ms));
    }
    return times;
  }

  private static Instant at(long millis) {
    return T0.plusMillis(millis);
  }
}
