package br.prontuario.edge.drill.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void percentilesAreNearestRankOverEveryRecordedLatency() {
    Latencies latencies = new Latencies();
    for (int ms = 100; ms >= 1; ms--) {
      latencies.record(ms * 1000L, ms != 7);
    }
    Latencies.Summary s = latencies.summary(10);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.failures()).isEqualTo(1);
    assertThat(s.perSecond()).isEqualTo(10.0);
    assertThat(s.p50Ms()).isEqualTo(50.0);
    assertThat(s.p95Ms()).isEqualTo(95.0);
    assertThat(s.p99Ms()).isEqualTo(99.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
  }

  @Test
  void anEmptyOperationHasZeroFiguresRatherThanAnError() {
    assertThat(new Latencies().summary(60).p95Ms()).isZero();
  }

  @Test
  void theMixDrawsEachOperationAtItsShare() {
    Map<Operation, Integer> drawn = new EnumMap<>(Operation.class);
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      drawn.merge(Operation.pick(), 1, Integer::sum);
    }
    assertThat(drawn.get(Operation.READ_PATIENT) / (double) draws).isBetween(0.34, 0.36);
    assertThat(drawn.get(Operation.READ_NOTES) / (double) draws).isBetween(0.34, 0.36);
    assertThat(drawn.get(Operation.WRITE_NOTE) / (double) draws).isBetween(0.19, 0.21);
    assertThat(drawn.get(Operation.SEARCH) / (double) draws).isBetween(0.09, 0.11);
  }
}
