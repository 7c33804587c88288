package br.prontuario.edge.controller.console;

import java.util.List;

/**
 * The drills {@code edgectl drill} knows and whether each may run against production (module drill,
 * {@code Scenario}; DrillScenarioTest keeps the two lists equal). The console offers only the
 * allowed ones and edgectl refuses the others again on its own.
 */
record DrillScenario(String id, boolean safeForProduction) {

  static final List<DrillScenario> ALL = List.of(
      new DrillScenario("health-check-validation", true),
      new DrillScenario("primary-crash", false),
      new DrillScenario("primary-freeze", false),
      new DrillScenario("primary-app-crash", false),
      new DrillScenario("standby-crash", false),
      new DrillScenario("planned-switchover", true),
      new DrillScenario("dual-failure-cloud", false),
      new DrillScenario("failback", false),
      new DrillScenario("witness-and-standby-freeze", false),
      new DrillScenario("witness-loss", false),
      new DrillScenario("isolated-primary", false),
      new DrillScenario("standby-isolated", false),
      new DrillScenario("flapping-link", false),
      new DrillScenario("witness-and-leader-loss", false),
      new DrillScenario("rolling-upgrade", false),
      new DrillScenario("postgres-minor-upgrade", false));

  static List<DrillScenario> allowedOn(ClusterSite site) {
    return ALL.stream().filter(s -> s.safeForProduction || !site.production()).toList();
  }
}
