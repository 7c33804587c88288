package br.prontuario.edge.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.drill.scenario.Scenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrillScenarioTest {

  @Test
  void theConsoleKnowsEveryDrillScenarioWithTheDrillsOwnProductionRule() {
    assertThat(DrillScenario.ALL).containsExactlyElementsOf(Arrays.stream(Scenario.values())
        .map(s -> new DrillScenario(s.id(), s.safeForProduction())).toList());
  }

  @Test
  void aProductionSiteOffersOnlyTheSafeDrillsAndALocalClusterAllOfThem() {
    assertThat(DrillScenario.allowedOn(new ClusterSite(true, Optional.empty())))
        .extracting(DrillScenario::id).containsExactly("health-check-validation", "planned-switchover");
    assertThat(DrillScenario.allowedOn(new ClusterSite(false, Optional.of(Path.of("/tmp")))))
        .hasSize(Scenario.values().length);
  }
}
