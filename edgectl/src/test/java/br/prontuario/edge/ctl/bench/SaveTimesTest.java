package br.prontuario.edge.ctl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SaveTimesTest {

  @Test
  void takesTheNearestRankPercentilesOfTenRuns() {
    SaveTimes times = new SaveTimes(List.of(9.0, 1.0, 10.0, 2.0, 8.0, 3.0, 7.0, 4.0, 6.0, 5.0));

    assertThat(times.p50()).isEqualTo(5.0);
    assertThat(times.p95()).isEqualTo(10.0);
  }

  @Test
  void oneRunIsItsOwnMedianAndP95() {
    SaveTimes times = new SaveTimes(List.of(14.2));

    assertThat(times.p50()).isEqualTo(14.2);
    assertThat(times.p95()).isEqualTo(14.2);
  }

  @Test
  void refusesAnEmptySeries() {
    assertThatThrownBy(() -> new SaveTimes(List.of())).hasMessage("no run was measured");
  }
}
