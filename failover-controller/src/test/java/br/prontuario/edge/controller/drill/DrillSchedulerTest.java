package br.prontuario.edge.controller.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.controller.decision.MutableClock;
import br.prontuario.edge.controller.election.Leadership;
import br.prontuario.edge.controller.election.SoleController;
import br.prontuario.edge.controller.history.HistoryProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.json.JsonMapper;

class DrillSchedulerTest {

  @TempDir Path dir;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T03:00:00Z"));
  private LastRestoreDrill restoreDrill;

  @BeforeEach
  void restoreDrillState() {
    restoreDrill = new LastRestoreDrill(new SimpleMeterRegistry(), new HistoryProperties(dir.resolve("state")),
        JsonMapper.builder().build(), clock);
  }

  private DrillScheduleProperties schedule(Duration every) {
    return schedule(every, every, every, List.of("sh", "-c", "echo {scenario} >> drills.txt"));
  }

  private DrillScheduleProperties schedule(Duration validation, Duration switchover, Duration restore,
      List<String> command) {
    return new DrillScheduleProperties(true, validation, switchover, restore, command, dir.toString(),
        Duration.ofSeconds(10), Duration.ofSeconds(10));
  }

  private DrillScheduler scheduler(DrillScheduleProperties schedule, Leadership leadership) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (leadership != null) {
      beans.addBean("leadership", leadership);
    }
    return new DrillScheduler(schedule, beans.getBeanProvider(Leadership.class), restoreDrill, clock);
  }

  private List<String> drillsRun() throws java.io.IOException {
    return Files.exists(dir.resolve("drills.txt")) ? Files.readAllLines(dir.resolve("drills.txt")) : List.of();
  }

  @Test
  void runsTheDrillCommandWithTheScenarioFilledIn() throws Exception {
    DrillScheduler scheduler = scheduler(schedule(Duration.ofDays(1)), null);

    assertThat(scheduler.run("planned-switchover")).isZero();

    assertThat(Files.readString(dir.resolve("drills.txt"))).isEqualTo("planned-switchover\n");
  }

  @Test
  void runsBothSafeDrillsAndTheRestoreDrillOnTheirCadence() {
    DrillScheduler scheduler = scheduler(schedule(Duration.ofMillis(200)), new SoleController("c1"));
    scheduler.start();
    try {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(drillsRun())
          .contains("health-check-validation", "planned-switchover", "restore"));
    } finally {
      scheduler.stop();
    }
    assertThat(scheduler.isRunning()).isFalse();
  }

  @Test
  void theRestoreDrillRunsOnItsOwnPeriod() throws Exception {
    DrillScheduler scheduler = scheduler(schedule(Duration.ofDays(1), Duration.ofDays(7), Duration.ofMillis(100),
        List.of("sh", "-c", "echo {scenario} >> drills.txt")), new SoleController("c1"));
    scheduler.start();
    try {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(drillsRun()).hasSizeGreaterThan(1));
    } finally {
      scheduler.stop();
    }
    assertThat(drillsRun()).containsOnly("restore");
  }

  @Test
  void theRestoreDrillIsMonthlyByDefaultWithAnHourToFinish() {
    DrillScheduleProperties defaults = new Binder(new MapConfigurationPropertySource(
        Map.of("edge.drill.schedule.enabled", "true"))).bindOrCreate("edge.drill.schedule", DrillScheduleProperties.class);

    assertThat(defaults.restoreEvery()).isEqualTo(Duration.ofDays(30));
    assertThat(defaults.timeoutOf("restore")).isEqualTo(Duration.ofHours(1));
    assertThat(defaults.timeoutOf("planned-switchover")).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void afterARestartTheRestoreDrillIsDueAPeriodAfterTheLastRunNotAfterTheStart() {
    restoreDrill.record(new DrillResult("restore", null, 0, null, 26.4, true, Instant.EPOCH, 37.1));
    clock.advance(Duration.ofDays(10));
    DrillScheduler restarted = scheduler(schedule(Duration.ofDays(1)), new SoleController("c1"));
    DrillScheduler monthly = scheduler(schedule(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
        List.of("{scenario}")), new SoleController("c1"));

    assertThat(monthly.firstRestoreDelay()).isEqualTo(Duration.ofDays(20));
    assertThat(restarted.firstRestoreDelay()).as("ran ten days ago, due daily: at once").isZero();
  }

  @Test
  void withNoRestoreDrillKnownTheFirstIsAPeriodAfterStart() {
    DrillScheduler monthly = scheduler(schedule(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30),
        List.of("{scenario}")), new SoleController("c1"));

    assertThat(monthly.firstRestoreDelay()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void aScheduledRestoreDrillThatReportsNothingIsRecordedAsNotPassed() {
    List<String> crashes = List.of("sh", "-c", "exit 1 # {scenario}");
    scheduler(schedule(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), crashes), new SoleController("c1"))
        .runIfActing("restore");

    assertThat(restoreDrill.status().passed()).isFalse();
    assertThat(restoreDrill.status().ranAt()).isEqualTo(clock.instant());
  }

  @Test
  void aScheduledRestoreDrillThatReportedKeepsItsOwnResult() {
    restoreDrill.record(new DrillResult("restore", null, 0, null, 26.4, true, Instant.EPOCH, 37.1));

    List<String> reported = List.of("sh", "-c", "true # {scenario}");
    scheduler(schedule(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), reported), new SoleController("c1"))
        .runIfActing("restore");

    assertThat(restoreDrill.status().passed()).isTrue();
    assertThat(restoreDrill.status().restoreSeconds()).isEqualTo(37.1);
  }

  @Test
  void theRestoreDrillIsStoppedAfterItsOwnTimeoutNotTheFailoverDrills() {
    DrillScheduler scheduler = scheduler(new DrillScheduleProperties(true, Duration.ofDays(1), Duration.ofDays(7),
        Duration.ofDays(30), List.of("sh", "-c", "exec sleep 60 # {scenario}"), dir.toString(), Duration.ofMinutes(5),
        Duration.ofMillis(100)), null);

    assertThat(scheduler.run("restore")).isEqualTo(-1);
  }

  @Test
  void aControllerThatIsNotActingRunsNoDrill() {
    Leadership follower = new Leadership() {
      @Override
      public void start() {}

      @Override
      public boolean isLeader() {
        return false;
      }

      @Override
      public Optional<String> leader() {
        return Optional.of("other");
      }

      @Override
      public String identity() {
        return "me";
      }

      @Override
      public void close() {}
    };

    scheduler(schedule(Duration.ofDays(1)), follower).runIfActing("planned-switchover");
    scheduler(schedule(Duration.ofDays(1)), follower).runIfActing("restore");

    assertThat(dir.resolve("drills.txt")).doesNotExist();
    assertThat(restoreDrill.status().ranAt()).isNull();
  }

  @Test
  void aDisabledScheduleStartsNothing() {
    DrillScheduler scheduler = scheduler(new DrillScheduleProperties(false, Duration.ofMillis(1),
        Duration.ofMillis(1), Duration.ofMillis(1), List.of("true"), ".", Duration.ofSeconds(1), Duration.ofSeconds(1)),
        null);
    scheduler.start();
    assertThat(scheduler.isRunning()).isFalse();
  }

  @Test
  void anEnabledScheduleNeedsAScenarioPlaceholderAndPositiveIntervals() {
    assertThatThrownBy(() -> new DrillScheduleProperties(true, Duration.ofDays(1), Duration.ofDays(7),
        Duration.ofDays(30), List.of("bin/edgectl", "drill"), ".", Duration.ofMinutes(15), Duration.ofHours(1)))
        .hasMessageContaining("{scenario}");
    assertThatThrownBy(() -> new DrillScheduleProperties(true, Duration.ZERO, Duration.ofDays(7),
        Duration.ofDays(30), List.of("{scenario}"), ".", Duration.ofMinutes(15), Duration.ofHours(1)))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new DrillScheduleProperties(true, Duration.ofDays(1), Duration.ofDays(7),
        Duration.ZERO, List.of("{scenario}"), ".", Duration.ofMinutes(15), Duration.ofHours(1)))
        .hasMessageContaining("restore-every");
  }
}
