package br.prontuario.edge.drill.load;

import java.time.Instant;

/**
 * A note write the system acknowledged (2xx with the note's id): it must never go missing.
 *
 * @param acknowledgedBy the target that answered it (host:port of the entry point or a node's
 *     edge-node), so a lost write says where its acknowledgement came from
 * @param emergency the cloud's emergency deployment answered it
 * @param servedBy the edge-node that answered it ({@code X-Edge-Node}), null when none said
 */
public record AckedWrite(String patientId, String noteId, int client, long sequence,
    String idempotencyKey, Instant sentAt, Instant ackAt, String acknowledgedBy, boolean emergency,
    String servedBy) {

  public AckedWrite(String patientId, String noteId, int client, long sequence,
      String idempotencyKey, Instant sentAt, Instant ackAt, String acknowledgedBy,
      boolean emergency) {
    this(patientId, noteId, client, sequence, idempotencyKey, sentAt, ackAt, acknowledgedBy,
        emergency, null);
  }

  /** A write whose acknowledging target does not matter (tests of the arithmetic). */
  public AckedWrite(String patientId, String noteId, int client, long sequence,
      String idempotencyKey, Instant sentAt, Instant ackAt) {
    this(patientId, noteId, client, sequence, idempotencyKey, sentAt, ackAt, "", false);
  }
}
