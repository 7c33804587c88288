package br.prontuario.edge.drill.measure;

import java.time.Instant;

/**
 * A node cut off from the other nodes ({@code from} null) or from one of them during a run, from
 * {@code cutAt} until {@code healedAt} (null: still cut when the run's observations ended).
 */
public record LinkCut(String node, String from, Instant cutAt, Instant healedAt) {

  /** Cut off from every other node. */
  public LinkCut(String node, Instant cutAt, Instant healedAt) {
    this(node, null, cutAt, healedAt);
  }

  public boolean covers(Instant t) {
    return !t.isBefore(cutAt) && (healedAt == null || t.isBefore(healedAt));
  }

  /** Whether this cut separates {@code a} from {@code b}, in either direction. */
  public boolean separates(String a, String b) {
    return node.equals(a) && (from == null || from.equals(b))
        || node.equals(b) && (from == null || from.equals(a));
  }

  public LinkCut healed(Instant at) {
    return healedAt == null ? new LinkCut(node, from, cutAt, at) : this;
  }
}
