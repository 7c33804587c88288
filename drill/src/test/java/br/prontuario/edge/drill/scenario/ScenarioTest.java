package br.prontuario.edge.drill.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.measure.Recovery;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ScenarioTest {

  @Test
  void onlyValidationAndPlannedSwitchoverAreSafeForProduction() {
    assertThat(Arrays.stream(Scenario.values()).filter(Scenario::safeForProduction))
        .containsExactlyInAnyOrder(Scenario.HEALTH_CHECK_VALIDATION, Scenario.PLANNED_SWITCHOVER);
  }

  @Test
  void unsafeScenariosAreRefusedOutsideALocalCluster() {
    assertThat(DrillRunner.vet(Scenario.PRIMARY_CRASH, false))
        .isInstanceOf(DrillOutcome.Refused.class);
    assertThat(DrillRunner.vet(Scenario.PRIMARY_CRASH, true)).isNull();
    assertThat(DrillRunner.vet(Scenario.PLANNED_SWITCHOVER, false)).isNull();
    assertThat(DrillRunner.vet(Scenario.HEALTH_CHECK_VALIDATION, false)).isNull();
  }

  @Test
  void cloudScenariosRunOnlyOnALocalClusterAndFailbackCountsOnlyTheEdgeAsRecovered() {
    for (Scenario cloud : new Scenario[] {Scenario.DUAL_FAILURE_CLOUD, Scenario.FAILBACK}) {
      assertThat(DrillRunner.vet(cloud, false)).isInstanceOf(DrillOutcome.Refused.class);
      assertThat(DrillRunner.vet(cloud, true)).isNull();
    }
    assertThat(Scenario.FAILBACK.recovery()).isEqualTo(Recovery.EDGE);
    assertThat(Scenario.DUAL_FAILURE_CLOUD.recovery()).isEqualTo(Recovery.ANY_SITE);
    assertThat(Scenario.DUAL_FAILURE_CLOUD.target().maxRpo()).hasSeconds(60);
    assertThat(Scenario.FAILBACK.target().maxRpo()).isZero();
  }

  @Test
  void witnessAndStandbyFreezeStartsOnNodeBAndEndsWithTheActiveNodeOnTheLeader() {
    Scenario s = Scenario.find("witness-and-standby-freeze").orElseThrow();
    assertThat(s.leaderBefore()).contains("node-b");
    assertThat(s.checksActiveNodeIsLeader()).isTrue();
    assertThat(s.target().maxRpo()).isZero();
    assertThat(DrillRunner.vet(s, false)).isInstanceOf(DrillOutcome.Refused.class);
    assertThat(Scenario.PRIMARY_CRASH.leaderBefore()).isEmpty();
    assertThat(DrillTimings.defaults().loadBudget(s))
        .isGreaterThan(DrillTimings.defaults().loadBudget(Scenario.PRIMARY_CRASH).plusSeconds(49));
  }

  @Test
  void witnessLossRetriesOnlyThroughOtherEntriesAndFailsOnAnyPromotion() {
    Scenario s = Scenario.find("witness-loss").orElseThrow();
    assertThat(s.retriesThroughOtherEntries()).isTrue();
    assertThat(s.promotionLimit()).contains(0);
    assertThat(s.target().maxRto()).hasSeconds(30);
    assertThat(s.target().maxRpo()).isZero();
    assertThat(DrillRunner.vet(s, false)).isInstanceOf(DrillOutcome.Refused.class);
    assertThat(Scenario.PRIMARY_CRASH.retriesThroughOtherEntries()).isFalse();
    assertThat(Scenario.PRIMARY_CRASH.promotionLimit()).isEmpty();
  }

  @Test
  void partitionScenariosProbeCommitsAndBoundTheLeaderMoves() {
    assertThat(Scenario.find("isolated-primary").orElseThrow().cutsLinks()).isTrue();
    assertThat(Scenario.ISOLATED_PRIMARY.promotionLimit()).isEmpty();
    assertThat(Scenario.STANDBY_ISOLATED.promotionLimit()).contains(0);
    assertThat(Scenario.FLAPPING_LINK.promotionLimit()).contains(1);
    assertThat(Scenario.WITNESS_AND_LEADER_LOSS.promotionLimit()).contains(0);
    assertThat(Scenario.WITNESS_AND_LEADER_LOSS.fault().healsItself()).isTrue();
    assertThat(Scenario.PRIMARY_CRASH.cutsLinks()).isFalse();
    for (Scenario s : java.util.List.of(Scenario.ISOLATED_PRIMARY, Scenario.STANDBY_ISOLATED,
        Scenario.FLAPPING_LINK, Scenario.WITNESS_AND_LEADER_LOSS)) {
      assertThat(s.safeForProduction()).as(s.id()).isFalse();
      assertThat(DrillRunner.vet(s, false)).isInstanceOf(DrillOutcome.Refused.class);
    }
    assertThat(DrillTimings.defaults().loadBudget(Scenario.FLAPPING_LINK))
        .isGreaterThan(DrillTimings.defaults().loadBudget(Scenario.ISOLATED_PRIMARY).plusSeconds(59));
  }

  @Test
  void plannedOperationsWaitAsTheAppDoesAndNodeFaultsMeasureWithTheShortTimeout() {
    assertThat(Scenario.PLANNED_SWITCHOVER.clientTimeout()).isEqualTo(LoadPlan.APP_ENTRY_TIMEOUT);
    assertThat(Scenario.ROLLING_UPGRADE.clientTimeout()).isEqualTo(LoadPlan.APP_ENTRY_TIMEOUT);
    assertThat(Scenario.POSTGRES_MINOR_UPGRADE.clientTimeout()).isEqualTo(LoadPlan.APP_ENTRY_TIMEOUT);
    assertThat(Scenario.PRIMARY_CRASH.clientTimeout()).isEqualTo(LoadPlan.MEASURING_TIMEOUT);
    assertThat(Scenario.PRIMARY_FREEZE.clientTimeout()).isEqualTo(LoadPlan.MEASURING_TIMEOUT);
    assertThat(Scenario.WITNESS_AND_STANDBY_FREEZE.clientTimeout()).isEqualTo(LoadPlan.MEASURING_TIMEOUT);
    assertThat(LoadPlan.APP_ENTRY_TIMEOUT).isGreaterThan(LoadPlan.MEASURING_TIMEOUT);
  }

  @Test
  void scenariosAreFoundByTheirCommandLineName() {
    assertThat(Scenario.find("primary-freeze")).contains(Scenario.PRIMARY_FREEZE);
    assertThat(Scenario.find("PRIMARY_FREEZE")).isEmpty();
    assertThat(Scenario.ids()).startsWith("health-check-validation, primary-crash");
  }

  @Test
  void nodeFaultsDrillTheSeedsPrimaryTargetAndCloudOnesTheBothNodesTarget() {
    assertThat(Scenario.PRIMARY_CRASH.target().maxRto()).hasSeconds(30);
    assertThat(Scenario.PRIMARY_CRASH.target().maxRpo()).isZero();
    assertThat(Scenario.DUAL_FAILURE_CLOUD.target().maxRto()).hasMinutes(5);
    assertThat(Scenario.DUAL_FAILURE_CLOUD.target().maxRpo()).hasSeconds(60);
  }
}
