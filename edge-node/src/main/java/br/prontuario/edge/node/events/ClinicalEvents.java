package br.prontuario.edge.node.events;

import br.prontuario.edge.common.events.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox for edge-node's changes: {@link #publish} writes the event next to the
 * change it announces, in the same transaction ({@link Outbox}). A rolled-back change leaves no
 * event; a committed one cannot lose its event.
 */
@Component
public class ClinicalEvents {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public ClinicalEvents(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** @param type e.g. {@code note.created}; {@code resourceId} names the changed record */
  public UUID publish(String type, UUID patientId, String resourceId) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("an event is published inside the change's transaction");
    }
    return Outbox.publish(jdbc, clock, type, patientId, resourceId);
  }
}
