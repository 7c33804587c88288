package br.prontuario.edge.drill.measure;

import java.time.Instant;

/** A failover-controller decision as the drill reads it back, classified by phase. */
public record ControllerEvent(Instant at, Phase phase, String detail) {

  public enum Phase {
    /** the controller declared a node down or unhealthy */
    DETECTION,
    /** a new PostgreSQL leader was promoted (by Patroni, on the controller's request or seen by it) */
    PROMOTION,
    /** clinicians' traffic was routed to the other node */
    REROUTING,
    OTHER
  }
}
