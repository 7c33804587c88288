package br.prontuario.edge.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundPacerTest {

  private static final Duration INTERVAL = Duration.ofSeconds(5);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  private final RoundPacer pacer = new RoundPacer(INTERVAL, Duration.ofSeconds(2), clock::monotonicNanos);

  @Test
  void aRoundThatWaitsOutAProbeTimeoutDoesNotPushTheNextOneBack() {
    pacer.roundStarts();
    clock.advance(Duration.ofSeconds(2));

    assertThat(pacer.untilNextRound()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void aRoundsFailuresCountFromItsStart() {
    long started = pacer.roundStarts();
    clock.advance(Duration.ofMillis(1_500));

    assertThat(pacer.failuresCountFrom()).isEqualTo(started);
  }

  @Test
  void aRoundFrozenMidwayDatesItsFailuresFromOneTimeoutBeforeItEnded() {
    long started = pacer.roundStarts();
    clock.advance(Duration.ofSeconds(30));

    assertThat(pacer.failuresCountFrom()).isEqualTo(started + Duration.ofSeconds(28).toNanos());
  }

  @Test
  void afterTheProcessIsFrozenMidRoundTheMissedRoundsDoNotRunBackToBack() {
    List<Duration> roundTakes = List.of(millis(100), Duration.ofSeconds(30), millis(100), millis(100),
        millis(100), millis(100));

    List<Long> starts = schedule(roundTakes, List.of(Duration.ZERO, Duration.ZERO, Duration.ZERO,
        Duration.ZERO, Duration.ZERO, Duration.ZERO));

    assertThat(gaps(starts)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(INTERVAL));
    assertThat(gaps(starts)).containsExactly(Duration.ofSeconds(5), millis(30_000), Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void aSchedulerStalledWhileWaitingRunsOneRoundOnResumeAndTheNextOneIntervalLater() {
    List<Duration> roundTakes = List.of(millis(100), millis(100), millis(100), millis(100), millis(100));
    // the scheduler's thread gets no CPU for 30 s while it waits for the third round
    List<Duration> stalls = List.of(Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO,
        Duration.ZERO);

    List<Long> starts = schedule(roundTakes, stalls);

    assertThat(gaps(starts)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(INTERVAL));
    assertThat(gaps(starts).get(2)).isEqualTo(INTERVAL);
  }

  /**
   * Drives the pacer as the loop does: a round starts, takes its time, then the scheduler waits
   * what the pacer asks, plus however long it is stalled.
   */
  private List<Long> schedule(List<Duration> roundTakes, List<Duration> stallsAfter) {
    List<Long> starts = new ArrayList<>();
    for (int i = 0; i < roundTakes.size(); i++) {
      starts.add(pacer.roundStarts());
      clock.advance(roundTakes.get(i));
      clock.advance(pacer.untilNextRound());
      clock.advance(stallsAfter.get(i));
    }
    return starts;
  }

  private static List<Duration> gaps(List<Long> starts) {
    List<Duration> gaps = new ArrayList<>();
    for (int i = 1; i < starts.size(); i++) {
      gaps.add(Duration.ofNanos(starts.get(i) - starts.get(i - 1)));
    }
    return gaps;
  }

  private static Duration millis(long ms) {
    return Duration.ofMillis(ms);
  }
}
