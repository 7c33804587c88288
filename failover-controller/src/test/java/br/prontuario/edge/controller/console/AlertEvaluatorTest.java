package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.decision.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
  private final AlertEvaluator evaluator = new AlertEvaluator(AlertRule.ALL, clock);

  /** A restore drill passed yesterday: only the nodes' series vary. */
  private MetricReadings readings(double upA, double upB, double lagB, double cloud) {
    return new MetricReadings(clock.instant(), Map.of("node-a", upA, "node-b", upB),
        Map.of("node-a", 0.0, "node-b", lagB), cloud, epochSeconds(clock.instant().minus(Duration.ofDays(1))),
        Map.of("node-a", 0.0, "node-b", 0.0));
  }

  /** A healthy cluster whose last passed restore drill is {@code passedAt} (null: series absent). */
  private MetricReadings restoreDrillPassed(Double passedAt) {
    return new MetricReadings(clock.instant(), Map.of("node-a", 1.0, "node-b", 1.0),
        Map.of("node-a", 0.0, "node-b", 0.0), 0, passedAt, Map.of("node-a", 0.0, "node-b", 0.0));
  }

  private static double epochSeconds(Instant at) {
    return at.getEpochSecond();
  }

  private static List<String> firing(List<AlertEvaluator.ActiveAlert> alerts) {
    return alerts.stream().filter(AlertEvaluator.ActiveAlert::firing).map(a -> a.name() + "/" + a.instance()).toList();
  }

  @Test
  void aHealthyClusterRaisesNothing() {
    assertThat(evaluator.evaluate(readings(1, 1, 0, 0))).isEmpty();
  }

  @Test
  void aNodeDownIsPendingUntilItsThirtySecondsThenFiresForThatNodeOnly() {
    List<AlertEvaluator.ActiveAlert> first = evaluator.evaluate(readings(0, 1, 0, 0));
    clock.advance(Duration.ofSeconds(29));
    List<AlertEvaluator.ActiveAlert> before = evaluator.evaluate(readings(0, 1, 0, 0));
    clock.advance(Duration.ofSeconds(1));
    List<AlertEvaluator.ActiveAlert> after = evaluator.evaluate(readings(0, 1, 0, 0));

    assertThat(first).extracting(AlertEvaluator.ActiveAlert::name).containsExactly("MacStudioDown");
    assertThat(firing(before)).isEmpty();
    assertThat(firing(after)).containsExactly("MacStudioDown/node-a");
    assertThat(after.get(0).since()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
  }

  @Test
  void oneEvaluationWithoutTheConditionStartsTheWaitAgain() {
    evaluator.evaluate(readings(1, 1, 11, 0));
    clock.advance(Duration.ofSeconds(50));
    evaluator.evaluate(readings(1, 1, 2, 0));
    clock.advance(Duration.ofSeconds(20));
    List<AlertEvaluator.ActiveAlert> again = evaluator.evaluate(readings(1, 1, 11, 0));
    clock.advance(Duration.ofSeconds(60));
    List<AlertEvaluator.ActiveAlert> aMinuteLater = evaluator.evaluate(readings(1, 1, 11, 0));

    assertThat(firing(again)).isEmpty();
    assertThat(firing(aMinuteLater)).containsExactly("DatabaseReplicationLag/node-b");
  }

  @Test
  void theCloudFiringHasNoWaitAndBothNodesDownDegradesTheClusterAfterAMinute() {
    assertThat(firing(evaluator.evaluate(readings(0, 0, 0, 1)))).containsExactly("GCPFallbackActivated/");
    clock.advance(Duration.ofMinutes(1));

    assertThat(firing(evaluator.evaluate(readings(0, 0, 0, 1))))
        .containsExactly("MacStudioDown/node-a", "MacStudioDown/node-b", "GCPFallbackActivated/", "HAClusterDegraded/");
  }

  @Test
  void halfTheNodesUpIsNotDegraded() {
    evaluator.evaluate(readings(1, 0, 0, 0));
    clock.advance(Duration.ofMinutes(2));

    assertThat(firing(evaluator.evaluate(readings(1, 0, 0, 0)))).containsExactly("MacStudioDown/node-b");
  }

  @Test
  void aRestoreDrillThatPassedThirtyFourDaysAgoRaisesNothing() {
    MetricReadings passed = restoreDrillPassed(epochSeconds(clock.instant().minus(Duration.ofDays(34))));
    evaluator.evaluate(passed);
    clock.advance(Duration.ofHours(2));

    assertThat(evaluator.evaluate(restoreDrillPassed(passed.restoreDrillPassedAt()))).isEmpty();
  }

  @Test
  void noRestoreDrillPassedForOverThirtyFiveDaysIsPendingThenFiresAfterAnHour() {
    double passedAt = epochSeconds(clock.instant().minus(Duration.ofDays(35)).minusSeconds(1));
    List<AlertEvaluator.ActiveAlert> first = evaluator.evaluate(restoreDrillPassed(passedAt));
    clock.advance(Duration.ofHours(1));
    List<AlertEvaluator.ActiveAlert> anHourLater = evaluator.evaluate(restoreDrillPassed(passedAt));

    assertThat(first).extracting(AlertEvaluator.ActiveAlert::name).containsExactly("RestoreDrillOverdue");
    assertThat(firing(first)).isEmpty();
    assertThat(firing(anHourLater)).containsExactly("RestoreDrillOverdue/");
    assertThat(anHourLater.get(0).runbook()).isEqualTo("docs/runbooks/RestoreDrillOverdue.md");
  }

  @Test
  void aRestoreDrillThatNeverPassedOrASeriesThatIsAbsentIsOverdueToo() {
    evaluator.evaluate(restoreDrillPassed(0.0));
    clock.advance(Duration.ofHours(1));
    assertThat(firing(evaluator.evaluate(restoreDrillPassed(0.0)))).containsExactly("RestoreDrillOverdue/");

    AlertEvaluator another = new AlertEvaluator(AlertRule.ALL, clock);
    another.evaluate(restoreDrillPassed(null));
    clock.advance(Duration.ofHours(1));
    assertThat(firing(another.evaluate(restoreDrillPassed(null)))).containsExactly("RestoreDrillOverdue/");
  }

  @Test
  void aPassingRestoreDrillClearsTheAlert() {
    evaluator.evaluate(restoreDrillPassed(0.0));
    clock.advance(Duration.ofHours(2));

    assertThat(evaluator.evaluate(restoreDrillPassed(epochSeconds(clock.instant())))).isEmpty();
  }

  @Test
  void anAuditChainThatNoLongerMatchesItsAnchorOnOneNodeFiresAtOnceForThatNode() {
    MetricReadings tampered = new MetricReadings(clock.instant(), Map.of("node-a", 1.0, "node-b", 1.0),
        Map.of("node-a", 0.0, "node-b", 0.0), 0, epochSeconds(clock.instant()),
        Map.of("node-a", 0.0, "node-b", 1.0));
    List<AlertEvaluator.ActiveAlert> active = evaluator.evaluate(tampered);
    assertThat(firing(active)).containsExactly("AuditChainTampered/node-b");
    assertThat(active.get(0).runbook()).isEqualTo("docs/runbooks/AuditChainTampered.md");
  }
}
