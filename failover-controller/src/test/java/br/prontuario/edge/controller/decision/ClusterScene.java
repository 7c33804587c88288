package br.prontuario.edge.controller.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds probe rounds for two nodes; node-a starts as leader, node-b as sync standby. */
final class ClusterScene {

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T03:00:00Z"));
  final DecisionEngine engine = new DecisionEngine(clock, HealthRules.seedDefaults(), ControllerState.NORMAL);

  Signal appA = Signal.up();
  Signal patroniA = Signal.up();
  Signal appB = Signal.up();
  Signal patroniB = Signal.up();
  PgRole roleA = PgRole.PRIMARY;
  PgRole roleB = PgRole.REPLICA;
  String leader = "node-a";
  String syncStandby = "node-b";

  /** A healthy cluster after its first round: routed to node-a, the leader. */
  static ClusterScene routedToTheLeader() {
    ClusterScene scene = new ClusterScene();
    scene.round();
    return scene;
  }

  Decision round() {
    return roundAfter(Duration.ofSeconds(5));
  }

  /** A round that starts {@code gap} after the previous one (5 s when the scheduler keeps time). */
  Decision roundAfter(Duration gap) {
    clock.advance(gap);
    return engine.evaluate(observation());
  }

  List<Decision> rounds(int n) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      decisions.add(round());
    }
    return decisions;
  }

  Observation observation() {
    List<NodeProbe> nodes = List.of(
        new NodeProbe("node-a", appA, patroniA, patroniA.ok() ? roleA : PgRole.UNKNOWN, "master"),
        new NodeProbe("node-b", appB, patroniB, patroniB.ok() ? roleB : PgRole.UNKNOWN, "replica"));
    List<ClusterMember> members = new ArrayList<>();
    for (String name : List.of("node-a", "node-b")) {
      boolean reachable = name.equals("node-a") ? patroniA.ok() : patroniB.ok();
      String role = name.equals(leader) ? "leader" : name.equals(syncStandby) ? "sync_standby" : "replica";
      if (reachable || name.equals(leader)) {
        members.add(new ClusterMember(name, role, reachable ? "running" : "stopped", 0, 1));
      }
    }
    return new Observation(clock.instant(), clock.monotonicNanos(), nodes, members);
  }

  void killNodeA() {
    appA = Signal.failed("connection refused");
    patroniA = Signal.failed("connection refused");
  }

  /** Both nodes down on both signals for three rounds: the engine is in EMERGENCY_CLOUD. */
  void bothNodesDown() {
    killNodeA();
    appB = Signal.failed("refused");
    patroniB = Signal.failed("refused");
    rounds(3);
  }

  /** The router sends clinicians to {@code node} alone and the cloud path is closed. */
  static RoutingView routedTo(String node) {
    return new RoutingView(false, java.util.Optional.of(node));
  }

  void patroniPromotesB() {
    leader = "node-b";
    syncStandby = null;
    roleB = PgRole.PRIMARY;
  }
}
