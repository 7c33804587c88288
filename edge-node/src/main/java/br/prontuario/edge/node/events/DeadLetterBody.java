package br.prontuario.edge.node.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the dead-letter topic says of one dead webhook delivery: the event as subscribers receive
 * it, plus to whom it could not be delivered, after how many attempts and why (an HTTP status or an
 * exception's class: never a subscriber's answer, which could quote the record).
 *
 * @param id the dead letter's own id: consumers drop copies on it (a republished batch)
 */
record DeadLetterBody(long id, EventBody event, String subscriber, int attempts, String lastError,
    Instant deadAt) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  String json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deadLetterId", id);
    body.put("subscriber", subscriber);
    body.put("attempts", attempts);
    body.put("lastError", lastError);
    body.put("deadAt", deadAt.toString());
    body.put("event", event.fields());
    return JSON.writeValueAsString(body);
  }
}
