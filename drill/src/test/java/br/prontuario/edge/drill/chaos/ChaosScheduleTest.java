package br.prontuario.edge.drill.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ChaosScheduleTest {

  @Test
  void theSameSeedDrawsTheSameFaultsInTheSameOrder() {
    assertThat(ChaosSchedule.preview(42, 50)).isEqualTo(ChaosSchedule.preview(42, 50));
    assertThat(ChaosSchedule.preview(42, 50)).isNotEqualTo(ChaosSchedule.preview(43, 50));
  }

  @Test
  void everyKindOfFaultHitsEveryBoxItCanAndOnlyThose() {
    List<ChaosStep> steps = ChaosSchedule.preview(7, 400);

    Set<ChaosFault> kinds = steps.stream().map(ChaosStep::fault).collect(Collectors.toSet());
    assertThat(kinds).isEqualTo(EnumSet.allOf(ChaosFault.class));
    for (ChaosFault fault : ChaosFault.values()) {
      Set<String> hit = steps.stream().filter(s -> s.fault() == fault).map(ChaosStep::node)
          .collect(Collectors.toSet());
      assertThat(hit).as("boxes %s hits", fault).containsExactlyInAnyOrderElementsOf(fault.boxes());
    }
    assertThat(steps).filteredOn(s -> s.fault() == ChaosFault.KILL_APP)
        .extracting(ChaosStep::node).doesNotContain("witness");
  }

  @Test
  void aSingleCutLinkJoinsTwoDifferentBoxesAndOtherFaultsNameOneBox() {
    for (ChaosStep step : ChaosSchedule.preview(11, 300)) {
      if (step.fault() == ChaosFault.CUT_LINK) {
        assertThat(step.from()).isNotNull().isNotEqualTo(step.node());
      } else {
        assertThat(step.from()).isNull();
      }
    }
  }

  @Test
  void holdsAndPausesStayWithinTheirBoundsAndStepsAreNumberedFromOne() {
    List<ChaosStep> steps = ChaosSchedule.preview(3, 300);

    assertThat(steps).allSatisfy(s -> {
      assertThat(s.hold()).isBetween(ChaosSchedule.MIN_HOLD, ChaosSchedule.MAX_HOLD);
      assertThat(s.pause()).isBetween(ChaosSchedule.MIN_PAUSE, ChaosSchedule.MAX_PAUSE);
    });
    assertThat(steps.get(0).number()).isEqualTo(1);
    assertThat(steps.get(299).number()).isEqualTo(300);
  }

  @Test
  void aStepDescribesItselfOnOneLine() {
    ChaosStep cut = new ChaosStep(12, ChaosFault.CUT_LINK, "node-a", "witness",
        java.time.Duration.ofSeconds(7), java.time.Duration.ofSeconds(2));

    assertThat(cut.describe()).isEqualTo("12 cut-link node-a from witness 7 s");
  }
}
