package br.prontuario.edge.drill.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void medianP95AndMaxOfTenRuns() {
    Stats s = Stats.of(List.of(12.0, 9.0, 15.0, 11.0, 10.0, 14.0, 13.0, 9.5, 10.5, 22.0));

    assertThat(s.count()).isEqualTo(10);
    assertThat(s.median()).isEqualTo(11.5);
    assertThat(s.p95()).isEqualTo(22.0);
    assertThat(s.max()).isEqualTo(22.0);
  }

  @Test
  void p95ByNearestRankOfTwentyIsTheNineteenth() {
    List<Double> values = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      values.add((double) i);
    }
    assertThat(Stats.of(values).p95()).isEqualTo(19.0);
    assertThat(Stats.of(values).median()).isEqualTo(10.5);
  }

  @Test
  void unmeasuredRunsAreLeftOutAndNothingGivesNulls() {
    assertThat(Stats.of(Arrays.asList(3.0, null, 1.0, 2.0)).median()).isEqualTo(2.0);
    Stats none = Stats.of(Arrays.asList((Double) null));
    assertThat(none.count()).isZero();
    assertThat(none.median()).isNull();
  }

  @Test
  void drillSummaryPassesOnlyWhenEveryRunPassed() {
    RunMeasurement good = new SyntheticRun().ok(1, 1, true).fault(2).ok(3, 4, true)
        .measure(Target.PRIMARY_FAILURE);
    RunMeasurement lost = new SyntheticRun().ok(1, 1, false).fault(2).ok(3, 5, true)
        .measure(Target.PRIMARY_FAILURE);

    DrillSummary summary = DrillSummary.of("primary-crash", List.of(good, lost));

    assertThat(summary.passed()).isFalse();
    assertThat(summary.passedRuns()).isEqualTo(1);
    assertThat(summary.rtoSeconds().max()).isEqualTo(3.0);
    assertThat(summary.lostAcknowledgedWrites().max()).isEqualTo(1.0);
    assertThat(DrillSummary.of("primary-crash", List.of(good)).passed()).isTrue();
  }
}
