package br.prontuario.edge.controller.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastDrillResultsTest {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final LastDrillResults results = new LastDrillResults(registry);

  @Test
  void exportsTheLastRtoAndLostWritesPerScenario() {
    results.record(new DrillResult("primary-crash", 14.0, 0, 0, 0, true, Instant.EPOCH));
    results.record(new DrillResult("primary-crash", 12.5, 0, 0, 0, true, Instant.EPOCH));
    results.record(new DrillResult("planned-switchover", 1.25, 2, 3, 0.5, false, Instant.EPOCH));

    String scrape = registry.scrape();

    assertThat(scrape).contains("last_drill_rto_seconds{scenario=\"primary-crash\"} 12.5");
    assertThat(scrape).contains("last_drill_lost_writes{scenario=\"primary-crash\"} 0.0");
    assertThat(scrape).contains("last_drill_rto_seconds{scenario=\"planned-switchover\"} 1.25");
    assertThat(scrape).contains("last_drill_lost_writes{scenario=\"planned-switchover\"} 2.0");
    assertThat(scrape).contains("last_drill_passed{scenario=\"planned-switchover\"} 0.0");
    assertThat(scrape).contains("last_drill_duplicated_writes{scenario=\"primary-crash\"} 0.0");
    assertThat(scrape).contains("last_drill_duplicated_writes{scenario=\"planned-switchover\"} 3.0");
  }

  @Test
  void aRunWithoutRtoExportsNaNRatherThanZero() {
    results.record(new DrillResult("health-check-validation", null, 0, null, 0, true, Instant.EPOCH));

    assertThat(registry.scrape()).contains("last_drill_rto_seconds{scenario=\"health-check-validation\"} NaN");
    // a drill client that predates the duplicate count: unknown, not "none"
    assertThat(registry.scrape()).contains("last_drill_duplicated_writes{scenario=\"health-check-validation\"} NaN");
  }

  @Test
  void theWitnessLossDrillIsAKnownScenario() {
    results.record(new DrillResult("witness-loss", 6.8, 0, 0, 0, true, Instant.EPOCH));

    assertThat(registry.scrape()).contains("last_drill_rto_seconds{scenario=\"witness-loss\"} 6.8");
  }

  @Test
  void unknownScenariosNeverBecomeLabels() {
    assertThatThrownBy(() -> results.record(new DrillResult("x\"}", 1.0, 0, 0, 0, true, Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(registry.scrape()).doesNotContain("last_drill");
  }
}
