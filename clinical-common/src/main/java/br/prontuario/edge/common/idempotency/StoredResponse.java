package br.prontuario.edge.common.idempotency;

/** The first response given for an idempotency key. */
record StoredResponse(String requestHash, int status, String contentType, String location,
    String etag, byte[] body) {}
