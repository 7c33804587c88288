package br.prontuario.edge.node.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a subscriber receives for one outbox event, by webhook or on the bus: ids, type, time and
 * sequence, no chart content (subscribers read the record with their own authorisation).
 */
record EventBody(long seq, UUID eventId, String type, UUID patientId, String resourceId, Instant occurredAt) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  String json() {
    return JSON.writeValueAsString(fields());
  }

  /** The body's fields in their order, for a message that carries the event inside it. */
  Map<String, Object> fields() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventId", eventId.toString());
    body.put("type", type);
    body.put("occurredAt", occurredAt.toString());
    body.put("patientId", patientId == null ? null : patientId.toString());
    body.put("resourceId", resourceId);
    body.put("sequence", seq);
    return body;
  }

  /** The bus's partition key: a patient's events share a partition, hence their order. */
  String key() {
    return patientId != null ? patientId.toString() : resourceId;
  }
}
