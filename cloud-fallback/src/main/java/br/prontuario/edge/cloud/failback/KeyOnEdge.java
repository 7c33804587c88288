package br.prontuario.edge.cloud.failback;

import java.util.UUID;

/**
 * What the edge knows of the Idempotency-Key that created a cloud record, once the merge has
 * tried to carry the cloud's stored response for it into the edge's {@code idempotency_keys}.
 */
sealed interface KeyOnEdge {

  /** The cloud's response is now the edge's for this key: merge the record with it. */
  record Carried() implements KeyOnEdge {}

  /**
   * The client's retry of the same request already created the record on the edge (edgeRecord,
   * when the edge's stored response names it): the cloud copy is not merged.
   */
  record SameWrite(UUID edgeRecord) implements KeyOnEdge {}

  /** The key names another request on the edge: a different write, merged; the key stays. */
  record OtherWrite() implements KeyOnEdge {}

  /** No key to compare (none recorded, or the cloud forgot its response): merged as before. */
  record Unkeyed() implements KeyOnEdge {}
}
