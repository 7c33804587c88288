package br.prontuario.edge.drill.measure;

import java.time.Instant;

/**
 * A node cut off from the other nodes during a run, from {@code cutAt} until {@code healedAt}
 * (null: still cut when the run's observations ended).
 */
public record LinkCut(String node, Instant cutAt, Instant healedAt) {

  public boolean covers(Instant t) {
    return !t.isBefore(cutAt) && (healedAt == null || t.isBefore(healedAt));
  }
}
