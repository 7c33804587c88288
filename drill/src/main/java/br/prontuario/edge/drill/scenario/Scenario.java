package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.measure.Recovery;
import br.prontuario.edge.drill.measure.Target;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The drills, each with the seed's target and whether it may run against production. */
public enum Scenario {
  HEALTH_CHECK_VALIDATION("health-check-validation", true, Target.NO_DOWNTIME, Fault.NONE),
  PRIMARY_CRASH("primary-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_LEADER),
  PRIMARY_FREEZE("primary-freeze", false, Target.PRIMARY_FAILURE, Fault.FREEZE_LEADER),
  PRIMARY_APP_CRASH("primary-app-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_LEADER_APP),
  // the seed sets no RTO for the standby ("N/A, redundancy"); the primary's bound is the floor
  STANDBY_CRASH("standby-crash", false, Target.PRIMARY_FAILURE, Fault.KILL_STANDBY),
  PLANNED_SWITCHOVER("planned-switchover", true, Target.PRIMARY_FAILURE, Fault.SWITCHOVER),
  /** Read back from the cloud before failing back: the RPO is what the cloud lacks. */
  DUAL_FAILURE_CLOUD("dual-failure-cloud", false, Target.BOTH_NODES_LOST, Fault.KILL_BOTH),
  /** Starts in an emergency (both nodes killed, cloud serving); measured from the nodes' restart. */
  FAILBACK("failback", false, Target.FAILBACK, Fault.FAIL_BACK),
  /**
   * Issue 19: after a switchover to node-b, node-a (the sync standby) and the witness frozen.
   * Nothing acknowledged may be lost or stored twice, wherever it was written (the both-nodes RTO
   * bound, RPO 0: the failback target), and the active node must end with the leader.
   */
  WITNESS_AND_STANDBY_FREEZE("witness-and-standby-freeze", false, Target.FAILBACK,
      Fault.FREEZE_WITNESS_AND_STANDBY),
  /**
   * Issue 13: the witness host killed (its HAProxy, the first entry URL, goes with it). Clients
   * retry only at the other entry HAProxies, never at the apps directly: writes must go on
   * through another entry within the primary-failure bound, nothing lost, and no promotion.
   */
  WITNESS_LOSS("witness-loss", false, Target.PRIMARY_FAILURE, Fault.KILL_WITNESS),
  /**
   * Issue 13: the leader's node cut off from both other nodes (clients still reach it). A new
   * primary on the other node within the primary-failure bound, and the isolated one must
   * acknowledge no commit while cut off: no two nodes acknowledging at once.
   */
  ISOLATED_PRIMARY("isolated-primary", false, Target.PRIMARY_FAILURE, Fault.ISOLATE_LEADER),
  /**
   * Issue 13: the synchronous standby's node cut off. The primary keeps its role (no promotion)
   * and serves again once Patroni drops the unreachable standby from the synchronous set; the RTO
   * is how long writes blocked.
   */
  STANDBY_ISOLATED("standby-isolated", false, Target.PRIMARY_FAILURE, Fault.ISOLATE_STANDBY),
  /** Issue 13: the leader's links cut and restored every few seconds for a minute: at most one failover. */
  FLAPPING_LINK("flapping-link", false, Target.PRIMARY_FAILURE, Fault.FLAP_LEADER_LINKS),
  /**
   * Issue 13: the witness killed and the link between the two nodes cut: no etcd quorum, so no
   * promotion and no split brain while it lasts; after healing the service returns with nothing
   * lost (the double-fault bound, RPO 0).
   */
  WITNESS_AND_LEADER_LOSS("witness-and-leader-loss", false, Target.FAILBACK,
      Fault.KILL_WITNESS_CUT_NODES),
  /**
   * Issue 20: {@code edgectl upgrade --app} under load. Clinicians must not notice: no write may
   * fail, none lost or stored twice.
   */
  ROLLING_UPGRADE("rolling-upgrade", false, Target.NO_FAILED_WRITES, Fault.ROLLING_UPGRADE),
  /** Issue 20: {@code edgectl upgrade --postgres-minor} under load, the same target. */
  POSTGRES_MINOR_UPGRADE("postgres-minor-upgrade", false, Target.NO_FAILED_WRITES,
      Fault.POSTGRES_MINOR_UPGRADE);

  private final String id;
  private final boolean safeForProduction;
  private final Target target;
  private final Fault fault;

  Scenario(String id, boolean safeForProduction, Target target, Fault fault) {
    this.id = id;
    this.safeForProduction = safeForProduction;
    this.target = target;
    this.fault = fault;
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

  /** The node the PostgreSQL leader must be on before the run (a planned switchover first). */
  Optional<String> leaderBefore() {
    return this == WITNESS_AND_STANDBY_FREEZE ? Optional.of("node-b") : Optional.empty();
  }

  /** After healing, the controller's active node must be the PostgreSQL leader's node. */
  boolean checksActiveNodeIsLeader() {
    return this == WITNESS_AND_STANDBY_FREEZE;
  }

  /**
   * Clients retry a write only at the other entry points (as the app does), not at the nodes'
   * apps: the run proves that another entry serves.
   */
  boolean retriesThroughOtherEntries() {
    return this == WITNESS_LOSS;
  }

  /**
   * How many times the PostgreSQL leader may move while the fault lasts (until the fault's own
   * healing for those that heal themselves); empty when a promotion is the expected recovery.
   */
  Optional<Integer> promotionLimit() {
    return switch (this) {
      case WITNESS_LOSS, STANDBY_ISOLATED, WITNESS_AND_LEADER_LOSS -> Optional.of(0);
      case FLAPPING_LINK -> Optional.of(1);
      default -> Optional.empty();
    };
  }

  /** The fault cuts network links: commits are probed on each node to catch an isolated primary. */
  boolean cutsLinks() {
    return fault.cutsLinks();
  }

  /** The run begins with both nodes down and the cloud serving. */
  boolean startsInEmergency() {
    return this == FAILBACK;
  }

  /**
   * How long the drill's clients wait for an answer. Planned operations promise that clinicians
   * notice nothing, so their clients wait as the app does and a held request that completes is
   * not a failure (its wait shows as the slowest acknowledged write); where a node dies or
   * freezes they give up sooner, to measure the outage.
   */
  public Duration clientTimeout() {
    return switch (this) {
      case PLANNED_SWITCHOVER, ROLLING_UPGRADE, POSTGRES_MINOR_UPGRADE -> LoadPlan.APP_ENTRY_TIMEOUT;
      default -> LoadPlan.MEASURING_TIMEOUT;
    };
  }

  /** The acknowledged notes must be in the cloud, so they are read back before failing back. */
  boolean readsBackBeforeHealing() {
    return this == DUAL_FAILURE_CLOUD;
  }

  /** A failback has recovered when an edge node, not the cloud, acknowledges writes again. */
  public Recovery recovery() {
    return this == FAILBACK ? Recovery.EDGE : Recovery.ANY_SITE;
  }
}
