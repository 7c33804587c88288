package br.prontuario.edge.common.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactional outbox's one write, shared by edge-node's changes and the cloud's merge on
 * failback (notes written in the cloud are announced when they reach the edge): the event and one
 * pending delivery per registered webhook subscriber and per Kafka topic the relay feeds, in the
 * caller's transaction.
 */
public final class Outbox {

  private Outbox() {}

  /** @param type e.g. {@code note.created}; {@code resourceId} names the changed record */
  public static UUID publish(JdbcTemplate jdbc, Clock clock, String type, UUID patientId,
      String resourceId) {
    UUID eventId = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    Long seq = jdbc.queryForObject("INSERT INTO outbox_events (event_id, type, patient_id,"
        + " resource_id, occurred_at) VALUES (?, ?, ?, ?, ?) RETURNING seq", Long.class, eventId,
        type, patientId, resourceId, now);
    jdbc.update("INSERT INTO webhook_deliveries (subscriber, event_seq, next_attempt_at)"
        + " SELECT name, ?, ? FROM webhook_subscribers", seq, now);
    jdbc.update("INSERT INTO bus_pending (topic, event_seq) SELECT name, ? FROM bus_topics", seq);
    return eventId;
  }

  /** {@code clinical_entries.kind} (the URL segment, plural) as an event prefix: vital-sign. */
  public static String entryType(String kind) {
    return kind.endsWith("ies") ? kind.substring(0, kind.length() - 3) + "y"
        : kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
  }
}
