package br.prontuario.edge.drill.measure;

/**
 * What a node's Patroni said when asked for the leader lease ({@code GET /primary}). A frozen or
 * killed node gives no answer: that says nothing about its lease (a leader frozen for less than
 * the TTL still holds it when it thaws), so only {@link #NOT_HELD} counts as "not the primary".
 */
public enum LeaseAnswer {
  /** 200: it holds an unexpired leader key and runs as primary. */
  HELD,
  /** Any other HTTP answer: it does not. */
  NOT_HELD,
  /** No HTTP answer (refused, timed out). */
  NO_ANSWER
}
