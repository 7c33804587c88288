package br.prontuario.edge.controller.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.prontuario.edge.controller.decision.MutableClock;
import br.prontuario.edge.controller.history.HistoryProperties;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class LastRestoreDrillTest {

  private static final Instant MONDAY = Instant.parse("2026-12-07T03:00:00Z");

  @TempDir Path state;

  private final MutableClock clock = new MutableClock(MONDAY);
  private PrometheusMeterRegistry registry;
  private LastRestoreDrill drill;

  @BeforeEach
  void started() {
    drill = restarted();
  }

  private LastRestoreDrill restarted() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new LastRestoreDrill(registry, new HistoryProperties(state), JsonMapper.builder().build(), clock);
  }

  private static DrillResult restore(boolean passed, int missing, double archiveLag, double restoreSeconds) {
    return new DrillResult("restore", null, missing, null, archiveLag, passed, Instant.EPOCH, restoreSeconds);
  }

  /** The value of a series without labels in the scrape, as Prometheus would read it. */
  private double scraped(String series) {
    return Arrays.stream(registry.scrape().split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .map(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
        .findFirst().orElseThrow(() -> new AssertionError(series + " not in the scrape"));
  }

  @Test
  void beforeAnyRestoreDrillTheSeriesSayNeverRatherThanBeingAbsent() {
    assertThat(scraped("last_restore_drill_timestamp_seconds")).isZero();
    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isZero();
    assertThat(scraped("last_restore_drill_success")).isNaN();
    assertThat(scraped("last_restore_drill_restore_duration_seconds")).isNaN();
    assertThat(scraped("last_restore_drill_archive_lag_seconds")).isNaN();
  }

  @Test
  void aPassedRunSetsBothTimestampsSuccessAndItsFigures() {
    drill.record(restore(true, 0, 26.4, 37.1));

    assertThat(scraped("last_restore_drill_timestamp_seconds")).isEqualTo(MONDAY.getEpochSecond());
    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isEqualTo(MONDAY.getEpochSecond());
    assertThat(scraped("last_restore_drill_success")).isEqualTo(1.0);
    assertThat(scraped("last_restore_drill_restore_duration_seconds")).isEqualTo(37.1);
    assertThat(scraped("last_restore_drill_archive_lag_seconds")).isEqualTo(26.4);
  }

  @Test
  void aFailedRunMovesTheLastRunButNotTheLastPass() {
    drill.record(restore(true, 0, 26.4, 37.1));
    clock.advance(Duration.ofDays(30));
    drill.record(restore(false, 2, 58.6, 41.5));

    assertThat(scraped("last_restore_drill_timestamp_seconds"))
        .isEqualTo(MONDAY.plus(Duration.ofDays(30)).getEpochSecond());
    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isEqualTo(MONDAY.getEpochSecond());
    assertThat(scraped("last_restore_drill_success")).isZero();
    assertThat(scraped("last_restore_drill_restore_duration_seconds")).isEqualTo(41.5);
  }

  @Test
  void theLastRunIsKnownAgainAfterARestart() {
    drill.record(restore(true, 0, 9.3, 49.0));
    clock.advance(Duration.ofDays(1));

    drill = restarted();

    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isEqualTo(MONDAY.getEpochSecond());
    assertThat(scraped("last_restore_drill_success")).isEqualTo(1.0);
    assertThat(scraped("last_restore_drill_archive_lag_seconds")).isEqualTo(9.3);
  }

  @Test
  void anUnreadableStateFileIsTakenAsNeverRun() throws Exception {
    Files.writeString(state.resolve(LastRestoreDrill.FILE), "{\"ranAt\":");

    drill = restarted();

    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isZero();
  }

  @Test
  void aScheduledRunThatReportedNothingCountsAsNotPassedWithoutFigures() {
    drill.record(restore(true, 0, 26.4, 37.1));
    clock.advance(Duration.ofDays(30));
    Instant started = clock.instant();
    clock.advance(Duration.ofMinutes(15));

    drill.unreportedSince(started);

    assertThat(scraped("last_restore_drill_timestamp_seconds")).isEqualTo(clock.instant().getEpochSecond());
    assertThat(scraped("last_restore_drill_success")).isZero();
    assertThat(scraped("last_restore_drill_passed_timestamp_seconds")).isEqualTo(MONDAY.getEpochSecond());
    assertThat(scraped("last_restore_drill_restore_duration_seconds")).isNaN();
  }

  @Test
  void aScheduledRunThatReportedKeepsWhatItReported() {
    Instant started = clock.instant();
    clock.advance(Duration.ofMinutes(2));
    drill.record(restore(false, 1, 30.0, 40.0));
    clock.advance(Duration.ofSeconds(1));

    drill.unreportedSince(started);

    assertThat(scraped("last_restore_drill_timestamp_seconds"))
        .isEqualTo(MONDAY.plus(Duration.ofMinutes(2)).getEpochSecond());
    assertThat(scraped("last_restore_drill_restore_duration_seconds")).isEqualTo(40.0);
  }

  @Test
  void onlyTheRestoreDrillsResultsAreRecordedHere() {
    assertThatThrownBy(() -> drill.record(new DrillResult("primary-crash", 12.0, 0, 0, 0, true, Instant.EPOCH)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
