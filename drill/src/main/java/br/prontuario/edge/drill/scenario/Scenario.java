package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.Target;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The drills, each with the seed's target and whether it may run against production. */
public enum Scenario {
  HEALTH_CHECK_VALIDATION("health-check-validation", true, Target.NO_DOWNTIME, Fault.NONE, null),
  PRIMARY_CRASH("primary-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_LEADER, null),
  PRIMARY_FREEZE("primary-freeze", false, Target.PRIMARY_FAILURE, Fault.FREEZE_LEADER, null),
  PRIMARY_APP_CRASH("primary-app-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_LEADER_APP, null),
  // the seed sets no RTO for the standby ("N/A, redundancy"); the primary's bound is the floor
  STANDBY_CRASH("standby-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_STANDBY, null),
  PLANNED_SWITCHOVER("planned-switchover", true, Target.PRIMARY_FAILURE, Fault.SWITCHOVER, null),
  // measured by the same code; the drill does not drive the cloud fallback's activation yet
  DUAL_FAILURE_CLOUD("dual-failure-cloud", false, Target.BOTH_NODES_LOST, Fault.KILL_BOTH,
      "is not available yet: the drill does not drive the cloud fallback (edgectl cloud "
          + "activate) yet"),
  FAILBACK("failback", false, Target.BOTH_NODES_LOST, Fault.NONE,
      "is not available yet: the drill does not drive the cloud fallback and edgectl failback yet");

  private final String id;
  private final boolean safeForProduction;
  private final Target target;
  private final Fault fault;
  private final String unavailableBecause;

  Scenario(String id, boolean safeForProduction, Target target, Fault fault, String unavailableBecause) {
    this.id = id;
    this.safeForProduction = safeForProduction;
    this.target = target;
    this.fault = fault;
    this.unavailableBecause = unavailableBecause;
  }

  public static Optional<Scenario> find(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(Scenario::id).collect(Collectors.joining(", "));
  }

  public String id() {
    return id;
  }

  public boolean safeForProduction() {
    return safeForProduction;
  }

  public Target target() {
    return target;
  }

  Fault fault() {
    return fault;
  }

  /** Why this scenario cannot run yet, if it cannot. */
  public Optional<String> unavailableBecause() {
    return Optional.ofNullable(unavailableBecause);
  }
}
