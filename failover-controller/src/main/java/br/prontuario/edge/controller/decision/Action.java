package br.prontuario.edge.controller.decision;

/** An intended action: the engine decides, adapters (router, Patroni client, cloud) carry it out. */
public sealed interface Action {

  /** Send clinicians to this node's edge-node. */
  record RouteTo(String node) implements Action {}

  /** Ask Patroni to move the PostgreSQL leader to {@code candidate}, always the sync standby. */
  record Switchover(String leader, String candidate) implements Action {}

  /** Both nodes down: bring up the reduced cloud deployment (filled in by the cloud module). */
  record ActivateCloud() implements Action {}

  /**
   * A node serves again: bring the cloud's writes home, send clinicians to {@code node}, close the
   * cloud path, and merge once more what arrived meanwhile — in that order, stopping if the first
   * merge fails (clinicians stay on the cloud rather than on an edge that lacks its writes).
   */
  record DeactivateCloud(String node) implements Action {}

  /** Tell IT staff; severity follows the seed's alert labels (critical | warning). */
  record Alert(String severity, String message) implements Action {}
}
