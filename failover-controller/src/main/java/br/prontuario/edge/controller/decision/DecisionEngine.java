package br.prontuario.edge.controller.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns probe observations into intended actions. Pure: no I/O, time from the injected clock.
 *
 * <p>Thread-safe: the control loop's rounds and an operator's request on an HTTP thread
 * (switchover, maintenance) may arrive together, so every method that decides is
 * {@code synchronized}. The getters read volatile fields without the lock: a status page may
 * show the state of one round beside the health of the next, never a torn value.
 */
public final class DecisionEngine {

  private final Clock clock;
  private final HealthRules rules;
  private final HealthTracker tracker;
  private final StateMachine state;
  private final AlertLatch alerts = new AlertLatch();
  private final StateSettling settling = new StateSettling(alerts);
  private final AtomicBoolean maintenance = new AtomicBoolean();
  private volatile String activeNode;
  private volatile Map<String, NodeHealth> health = Map.of();
  private volatile Observation last;
  private Instant lastSwitchoverAt = Instant.MIN;
  /** Where the last requested switchover moves the leader (see {@link #switchoverPendingTo}). */
  private String switchingTo;

  public DecisionEngine(Clock clock, HealthRules rules, ControllerState initial) {
    this.clock = clock;
    this.rules = rules;
    this.tracker = new HealthTracker(rules);
    this.state = new StateMachine(initial);
  }

  public synchronized Decision evaluate(Observation observation) {
    health = tracker.update(observation);
    last = observation;
    Instant now = clock.instant();
    ControllerState from = state.current();
    Plan plan = new Plan(from, activeNode);
    try {
      List<String> primaries = observation.selfReportedPrimaries();
      if (primaries.size() > 1) {
        return refuse(plan, now, from, primaries);
      }
      if (maintenance.get()) {
        plan.because("maintenance mode: automatic decisions paused");
        return finish(plan, now, "maintenance", from);
      }
      if (everyNodeDown()) {
        enterEmergency(plan, from);
      } else {
        chooseActiveNode(plan, from, observation);
        switchLeaderOffUnhealthyApp(plan, observation, now);
        settling.settle(plan, from, observation, health, CoLocation.shortfall(plan.activeNode,
            observation.leader(), health, switchoverPendingTo(plan.activeNode, now)));
      }
      return finish(plan, now, "probe", from);
    } finally {
      alerts.endRound();
    }
  }

  private Decision refuse(Plan plan, Instant now, ControllerState from, List<String> primaries) {
    plan.because("two primaries seen (" + String.join(", ", primaries)
        + "): refusing to act until one is fenced");
    if (alerts.raise("split-brain")) {
      plan.actions.add(new Action.Alert("critical", "split brain: primaries on " + primaries));
    }
    return finish(plan, now, "probe", from);
  }

  private boolean everyNodeDown() {
    return !health.isEmpty() && health.values().stream().allMatch(h -> h.status() == NodeStatus.DOWN);
  }

  private void enterEmergency(Plan plan, ControllerState from) {
    health.values().forEach(h -> plan.detected(h.failingSince()));
    plan.target = ControllerState.EMERGENCY_CLOUD;
    plan.because("every node down on both signals: " + NodeHealth.describe(health.values()));
    if (from != ControllerState.EMERGENCY_CLOUD) {
      plan.actions.add(new Action.ActivateCloud());
      plan.actions.add(new Action.Alert("critical", "both nodes down on both signals; activating the cloud fallback"));
    }
  }

  private void chooseActiveNode(Plan plan, ControllerState from, Observation observation) {
    boolean fromCloud = from == ControllerState.EMERGENCY_CLOUD;
    Optional<String> leaderNode = CoLocation.destination(activeNode, observation.leader(), health, false);
    if (fromCloud && leaderNode.isPresent()) {
      // back from the cloud, go straight to the leader's node rather than route twice
      plan.activeNode = leaderNode.get();
      plan.target = ControllerState.FAILBACK;
      plan.because(plan.activeNode + " serves again and holds the PostgreSQL leader: failing back from the cloud");
      plan.actions.add(new Action.DeactivateCloud(plan.activeNode));
      return;
    }
    if (activeNode != null && statusOf(activeNode).serves()) {
      if (fromCloud) {
        plan.target = ControllerState.FAILBACK;
        plan.because(activeNode + " serves again: failing back from the cloud");
        plan.actions.add(new Action.DeactivateCloud(activeNode));
      }
      return;
    }
    Optional<String> candidate = observation.leader().map(ClusterMember::name)
        .filter(n -> statusOf(n).serves())
        .or(() -> health.values().stream().filter(h -> h.status().serves()).map(NodeHealth::node).findFirst());
    if (candidate.isEmpty()) {
      if (alerts.raise("no-serving-node")) {
        plan.actions.add(new Action.Alert("critical", "no node serves: " + NodeHealth.describe(health.values())));
      }
      plan.because("no node serves and not every node is down on both signals: waiting");
      return;
    }
    String previous = activeNode;
    plan.activeNode = candidate.get();
    if (fromCloud) {
      plan.target = ControllerState.FAILBACK;
      plan.actions.add(new Action.DeactivateCloud(plan.activeNode));
    } else {
      plan.actions.add(new Action.RouteTo(plan.activeNode));
    }
    if (previous == null) {
      plan.because("no active node yet: " + plan.activeNode + " serves"
          + (observation.leader().filter(l -> l.name().equals(plan.activeNode)).isPresent()
              ? " and holds the PostgreSQL leader" : ""));
      return;
    }
    NodeHealth failed = health.get(previous);
    if (failed != null) {
      plan.detected(failed.failingSince());
    }
    plan.because("active node " + NodeHealth.describe(List.of(failed)) + "; moving the active role to " + plan.activeNode);
    if (!fromCloud) {
      plan.target = ControllerState.FAILOVER;
      plan.actions.add(new Action.Alert("critical", previous + " failed; active role moved to " + plan.activeNode));
    }
  }

  /** The PostgreSQL leader should not stay on a node whose app cannot serve. */
  private void switchLeaderOffUnhealthyApp(Plan plan, Observation observation, Instant now) {
    Optional<ClusterMember> leader = observation.leader();
    if (leader.isEmpty() || statusOf(leader.get().name()) != NodeStatus.APP_UNHEALTHY) {
      return;
    }
    String leaderName = leader.get().name();
    Optional<ClusterMember> standby = observation.members().stream()
        .filter(m -> m.isSyncStandby() && m.isReplicating())
        .filter(m -> statusOf(m.name()) == NodeStatus.HEALTHY || statusOf(m.name()) == NodeStatus.SUSPECT)
        .findFirst();
    if (standby.isEmpty()) {
      plan.because("leader " + leaderName + " has an unhealthy app but no healthy synchronous standby exists");
      if (alerts.raise("no-sync-standby:" + leaderName)) {
        plan.actions.add(new Action.Alert("critical",
            "leader " + leaderName + " app unhealthy and no healthy synchronous standby to switch to"));
      }
      return;
    }
    if (now.isBefore(lastSwitchoverAt.plus(rules.switchoverCooldown()))) {
      plan.because("switchover of " + leaderName + " already requested; waiting for Patroni");
      return;
    }
    lastSwitchoverAt = now;
    switchingTo = standby.get().name();
    plan.detected(health.get(leaderName).failingSince());
    plan.because("leader " + leaderName + " app unhealthy while its PostgreSQL answers; switching over to "
        + "the synchronous standby " + standby.get().name());
    plan.actions.add(new Action.Switchover(leaderName, standby.get().name()));
  }

  private Decision finish(Plan plan, Instant now, String trigger, ControllerState from) {
    state.moveTo(plan.target);
    activeNode = plan.activeNode;
    return new Decision(now, trigger, from, plan.target, plan.activeNode, plan.actions, plan.reasons,
        plan.detectedAt);
  }

  NodeStatus statusOf(String node) {
    NodeHealth h = health.get(node);
    return h == null ? NodeStatus.DOWN : h.status();
  }

  /** An operator moves the active role (and the leader) to {@code target}; allowed in maintenance. */
  public synchronized SwitchoverOutcome requestSwitchover(String target) {
    Optional<String> refusal = SwitchoverRules.refusal(target, last, health);
    if (refusal.isPresent()) {
      return new SwitchoverOutcome.Rejected(refusal.get());
    }
    ControllerState current = state.current();
    Plan plan = new Plan(current, target);
    last.leader().filter(l -> !l.name().equals(target))
        .ifPresent(l -> plan.actions.add(new Action.Switchover(l.name(), target)));
    plan.actions.add(new Action.RouteTo(target));
    plan.because("operator asked to move the active role to " + target);
    if (plan.actions.size() > 1) {
      lastSwitchoverAt = clock.instant();
      switchingTo = target;
    }
    return new SwitchoverOutcome.Accepted(finish(plan, clock.instant(), "manual", current));
  }

  /**
   * In EMERGENCY_CLOUD, when this replica has not managed to activate the cloud yet (a failed
   * promotion or route, or it took over from a replica that did): try again.
   */
  public synchronized Optional<Decision> reconcileCloud(boolean cloudActive) {
    ControllerState current = state.current();
    if (current != ControllerState.EMERGENCY_CLOUD || maintenance.get() || cloudActive) {
      return Optional.empty();
    }
    return Optional.of(reconciliation(current, List.of(new Action.ActivateCloud()), "cloud fallback not active yet; retrying"));
  }

  /**
   * Outside EMERGENCY_CLOUD, when the router drifted from the intended active node (a new acting
   * replica, an earlier call that failed, a restart): finish a failback the cloud still owes, or
   * route to the intended node again.
   */
  public synchronized Optional<Decision> reconcileRouting(RoutingView router) {
    ControllerState current = state.current();
    if (current == ControllerState.EMERGENCY_CLOUD || maintenance.get() || activeNode == null) {
      return Optional.empty();
    }
    String previous = activeNode;
    Optional<String> leaderNode = leaderNodeToFollow();
    leaderNode.ifPresent(node -> activeNode = node);
    String moved = movedToLeader(previous);
    if (router.cloudRouted()) {
      // left EMERGENCY_CLOUD while another replica (or none) held the lease, or the first merge
      // failed: finish the failback
      return Optional.of(reconciliation(current, List.of(new Action.DeactivateCloud(activeNode)),
          "the edge serves again but the cloud is still routed" + (leaderNode.isPresent() ? "; " + moved : "")));
    }
    if (router.activeNode().filter(activeNode::equals).isPresent()) {
      // someone already routed there: the move of the active role is still worth a history entry
      return leaderNode.map(node -> reconciliation(current, List.of(), moved));
    }
    return Optional.of(reconciliation(current, List.of(new Action.RouteTo(activeNode)), leaderNode.isPresent()
        ? moved : "router sends traffic to " + router.activeNode().orElse("no single node") + ", intended " + activeNode));
  }

  /**
   * On a replica that does not act (it reads no router): move the active role to the PostgreSQL
   * leader's node, as {@link #reconcileRouting} does on the acting one. Without it, after an
   * operator's switchover (carried out by the acting replica alone) this replica kept the old
   * active node, reported DEGRADED ("active node is not the leader's node") until restarted, and
   * took over with that stale view. The decision carries no action.
   */
  public synchronized Optional<Decision> followLeader() {
    ControllerState current = state.current();
    if (current == ControllerState.EMERGENCY_CLOUD || maintenance.get() || activeNode == null) {
      return Optional.empty();
    }
    String previous = activeNode;
    Optional<String> leaderNode = leaderNodeToFollow();
    leaderNode.ifPresent(node -> activeNode = node);
    return leaderNode.map(node -> reconciliation(current, List.of(), movedToLeader(previous)));
  }

  private Optional<String> leaderNodeToFollow() {
    return CoLocation.destination(activeNode, lastObservation().flatMap(Observation::leader), health,
        switchoverPendingTo(activeNode, clock.instant()));
  }

  private String movedToLeader(String previous) {
    return activeNode + " holds the PostgreSQL leader and serves; moving the active role there from "
        + previous;
  }

  /** A switchover to {@code node} was asked for within the cooldown: Patroni is still moving the leader. */
  private boolean switchoverPendingTo(String node, Instant now) {
    return node != null && node.equals(switchingTo) && now.isBefore(lastSwitchoverAt.plus(rules.switchoverCooldown()));
  }

  private Decision reconciliation(ControllerState current, List<Action> actions, String reason) {
    return new Decision(clock.instant(), "reconcile", current, current, activeNode, actions,
        List.of(reason), Optional.empty());
  }

  public ControllerState state() {
    return state.current();
  }

  public String activeNode() {
    return activeNode;
  }

  public Map<String, NodeHealth> health() {
    return health;
  }

  public Optional<Observation> lastObservation() {
    return Optional.ofNullable(last);
  }

  public boolean maintenance() {
    return maintenance.get();
  }

  /** An operator pauses (or resumes) automatic decisions; the returned decision records it. */
  public synchronized Decision setMaintenance(boolean on) {
    maintenance.set(on);
    ControllerState current = state.current();
    return new Decision(clock.instant(), "manual", current, current, activeNode, List.of(),
        List.of("operator turned maintenance mode " + (on ? "on: automatic decisions paused" : "off")),
        Optional.empty());
  }

}
