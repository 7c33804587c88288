package br.prontuario.edge.drill.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads reports Gatling 3.15.1 wrote for the api-load simulation against a local cluster: one of
 * 5 clinicians for 5 s of warm-up and 60 s measured, one whose clinicians had bogus tokens.
 */
class GatlingStatsTest {

  @Test
  void measuredRowsOnlyWithTheirPercentilesAndRatePerMeasuredSecond() throws IOException {
    GatlingStats stats = GatlingStats.parse(report("index-ok.html"), Duration.ofSeconds(60));

    OperationFigures readPatient = stats.operation(Operation.READ_PATIENT);
    assertThat(readPatient.count()).isEqualTo(107);
    assertThat(readPatient.failures()).isZero();
    assertThat(readPatient.p50Ms()).isEqualTo(12.0);
    assertThat(readPatient.p95Ms()).isEqualTo(30.0);
    assertThat(readPatient.p99Ms()).isEqualTo(45.0);
    assertThat(readPatient.perSecond()).isEqualTo(107 / 60.0);
    assertThat(stats.operation(Operation.WRITE_NOTE).count()).isEqualTo(62);
    assertThat(stats.operation(Operation.SEARCH).count()).isEqualTo(34);
    assertThat(stats.reads().count()).isEqualTo(107 + 99);
    // the report's own total (342) counts the 19 warm-up requests and the refreshes; "mix" not
    assertThat(stats.all().count()).isEqualTo(302);
    assertThat(stats.non2xx()).isEmpty();
  }

  @Test
  void failedRequestsAreCountedPerOperationAndByStatus() throws IOException {
    GatlingStats stats = GatlingStats.parse(report("index-401.html"), Duration.ofSeconds(8));

    OperationFigures all = stats.all();
    assertThat(all.count()).isPositive();
    assertThat(all.failures()).isEqualTo(all.count());
    assertThat(stats.non2xx()).isEqualTo(Map.of("401", 43L));
  }

  @Test
  void aPageWithoutTheStatisticsTableIsAClearError() {
    assertThatThrownBy(() -> GatlingStats.parse("<html>no table</html>", Duration.ofSeconds(1)))
        .hasMessageContaining("no \"Total\" column");
  }

  private static String report(String name) throws IOException {
    try (InputStream in = GatlingStatsTest.class.getResourceAsStream("/gatling/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
