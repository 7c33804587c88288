package br.prontuario.edge.drill.load;

import java.time.Instant;

/** A note write the system acknowledged (2xx with the note's id): it must never go missing. */
public record AckedWrite(String patientId, String noteId, int client, long sequence,
    String idempotencyKey, Instant sentAt, Instant ackAt) {}
