package br.prontuario.edge.controller.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.controller.election.Leadership;
import br.prontuario.edge.controller.election.SoleController;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class DrillSchedulerTest {

  @TempDir Path dir;

  private DrillScheduleProperties schedule(Duration every) {
    return new DrillScheduleProperties(true, every, every,
        List.of("sh", "-c", "echo {scenario} >> drills.txt"), dir.toString(), Duration.ofSeconds(10));
  }

  private DrillScheduler scheduler(DrillScheduleProperties schedule, Leadership leadership) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    if (leadership != null) {
      beans.addBean("leadership", leadership);
    }
    return new DrillScheduler(schedule, beans.getBeanProvider(Leadership.class));
  }

  @Test
  void runsTheDrillCommandWithTheScenarioFilledIn() throws Exception {
    DrillScheduler scheduler = scheduler(schedule(Duration.ofDays(1)), null);

    assertThat(scheduler.run("planned-switchover")).isZero();

    assertThat(Files.readString(dir.resolve("drills.txt"))).isEqualTo("planned-switchover\n");
  }

  @Test
  void runsBothSafeDrillsOnTheirCadence() {
    DrillScheduler scheduler = scheduler(schedule(Duration.ofMillis(200)), new SoleController("c1"));
    scheduler.start();
    try {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
          Files.exists(dir.resolve("drills.txt")) ? Files.readAllLines(dir.resolve("drills.txt"))
              : List.of()).contains("health-check-validation", "planned-switchover"));
    } finally {
      scheduler.stop();
    }
    assertThat(scheduler.isRunning()).isFalse();
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

    assertThat(dir.resolve("drills.txt")).doesNotExist();
  }

  @Test
  void aDisabledScheduleStartsNothing() {
    DrillScheduler scheduler = scheduler(new DrillScheduleProperties(false, Duration.ofMillis(1),
        Duration.ofMillis(1), List.of("true"), ".", Duration.ofSeconds(1)), null);
    scheduler.start();
    assertThat(scheduler.isRunning()).isFalse();
  }

  @Test
  void anEnabledScheduleNeedsAScenarioPlaceholderAndPositiveIntervals() {
    assertThatThrownBy(() -> new DrillScheduleProperties(true, Duration.ofDays(1), Duration.ofDays(7),
        List.of("bin/edgectl", "drill"), ".", Duration.ofMinutes(15)))
        .hasMessageContaining("{scenario}");
    assertThatThrownBy(() -> new DrillScheduleProperties(true, Duration.ZERO, Duration.ofDays(7),
        List.of("{scenario}"), ".", Duration.ofMinutes(15)))
        .hasMessageContaining("positive");
  }
}
