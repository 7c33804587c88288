package br.prontuario.edge.controller.decision;

/**
 * One probe round's view of one node: its edge-node readiness, its Patroni REST API (and the role
 * that Patroni reports for itself) and its Redis role as Sentinel sees it.
 */
public record NodeProbe(String node, Signal app, Signal patroni, PgRole selfRole, String redisRole) {

  public static NodeProbe healthy(String node, PgRole role) {
    return new NodeProbe(node, Signal.up(), Signal.up(), role, role == PgRole.PRIMARY ? "master" : "replica");
  }
}
