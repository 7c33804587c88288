package br.prontuario.edge.common.idempotency;

import java.time.OffsetDateTime;

/**
 * One completed row of {@code idempotency_keys}: the first response given for a principal's key.
 * Failback carries these from the cloud to the edge (docs/failback.md).
 */
public record IdempotencyRecord(String principal, String key, String requestHash, int status,
    String contentType, String location, String etag, byte[] body, OffsetDateTime createdAt) {}
