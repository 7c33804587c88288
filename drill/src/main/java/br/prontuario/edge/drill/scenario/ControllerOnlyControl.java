package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.LeaseAnswer;
import br.prontuario.edge.drill.measure.LinkCut;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A deployment reached only through its failover controller (production): it can tell the active
 * node and perform a planned switchover, and refuses every process fault.
 */
public final class ControllerOnlyControl implements ClusterControl {

  private final ControllerApi controller;
  private final Clock clock;

  public ControllerOnlyControl(ControllerApi controller, Clock clock) {
    this.controller = controller;
    this.clock = clock;
  }

  @Override
  public boolean isLocal() {
    return false;
  }

  @Override
  public String leader() {
    return controller.activeNode().orElse(null);
  }

  /** Production: clinicians' entry point only; the nodes' apps are not the drill's to reach. */
  @Override
  public List<URI> nodeApps() {
    return List.of();
  }

  @Override
  public String other(String node) {
    return "node-a".equals(node) ? "node-b" : "node-a";
  }

  @Override
  public void kill(String node) {
    throw refused();
  }

  @Override
  public void freeze(String node) {
    throw refused();
  }

  @Override
  public void thaw(String node) {
    throw refused();
  }

  @Override
  public void partition(String node, String from) {
    throw refused();
  }

  @Override
  public void healPartitions() {
    throw refused();
  }

  @Override
  public List<LinkCut> cuts() {
    return List.of();
  }

  @Override
  public boolean acknowledgesProbeCommit(String node) {
    throw refused();
  }

  @Override
  public LeaseAnswer leaseAnswer(String node) {
    throw refused();
  }

  @Override
  public void killApp(String node) {
    throw refused();
  }

  @Override
  public void start(String node) {
    throw refused();
  }

  @Override
  public void failback() {
    throw refused();
  }

  @Override
  public String awaitNodesServing(Duration timeout) {
    return awaitHealthy(timeout);
  }

  @Override
  public String upgradeApp() {
    throw refused();
  }

  @Override
  public String upgradePostgresMinor() {
    throw refused();
  }

  @Override
  public void switchover(String node) {
    String problem = controller.switchover(node);
    if (problem != null) {
      throw new IllegalStateException("switchover to " + node + " refused: " + problem);
    }
  }

  @Override
  public String awaitHealthy(Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    String state = null;
    while (clock.instant().isBefore(deadline)) {
      state = controller.status().map(s -> s.path("state").asString("unknown")).orElse("unreachable");
      if ("NORMAL".equals(state)) {
        return null;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return "controller state " + state;
  }

  // process faults on production hardware are exactly what the safety flag forbids
  private static IllegalStateException refused() {
    return new IllegalStateException("process faults are refused outside a local cluster");
  }
}
