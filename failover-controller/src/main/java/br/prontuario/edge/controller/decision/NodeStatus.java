package br.prontuario.edge.controller.decision;

/** A node's health after applying the consecutive-failure and two-signal rules. */
public enum NodeStatus {
  /** Last probes all fine. */
  HEALTHY,
  /** Some recent failures, under the threshold: watched, never acted on. */
  SUSPECT,
  /** The app failed past the threshold but its Patroni answers: route away, keep it as DB member. */
  APP_UNHEALTHY,
  /** Patroni failed past the threshold but the app still serves (through the other primary). */
  DB_UNHEALTHY,
  /** Both independent signals failed past the threshold: the node is down. */
  DOWN;

  /** Can clinicians be routed to it? */
  public boolean serves() {
    return this == HEALTHY || this == SUSPECT || this == DB_UNHEALTHY;
  }
}
