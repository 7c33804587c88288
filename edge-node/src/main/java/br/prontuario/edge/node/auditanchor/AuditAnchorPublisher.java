package br.prontuario.edge.node.auditanchor;

import br.prontuario.edge.common.audit.anchor.AnchorCheck;
import br.prontuario.edge.common.audit.anchor.AuditAnchor;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore;
import br.prontuario.edge.common.audit.anchor.EtcdAnchorStore.Found;
import br.prontuario.edge.node.background.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code edge.audit.anchor.interval} copies the audit chain's head to each anchor store,
 * after checking the chain still holds the row the store anchored last. A chain that no longer
 * does (rows removed from its tail, or rewritten) is logged as an error, shown by
 * {@code audit_anchor_mismatch} and never anchored over: the store keeps the evidence.
 */
@Component
public class AuditAnchorPublisher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(AuditAnchorPublisher.class);

  private final AuditAnchorProperties properties;
  private final List<EtcdAnchorStore> stores;
  private final DataSource dataSource;
  private final Clock clock;
  private final Map<String, StoreGauges> gauges = new ConcurrentHashMap<>();
  private final PeriodicTask rounds = new PeriodicTask("audit-anchor");

  public AuditAnchorPublisher(AuditAnchorProperties properties, DataSource dataSource, Clock clock,
      MeterRegistry meters) {
    this.properties = properties;
    this.dataSource = dataSource;
    this.clock = clock;
    this.stores = properties.stores().entrySet().stream()
        .map(e -> new EtcdAnchorStore(e.getKey(), e.getValue(), properties.tls(), properties.key(),
            properties.timeout()))
        .toList();
    for (EtcdAnchorStore store : stores) {
      gauges.put(store.name(), StoreGauges.register(meters, store.name()));
    }
  }

  /** What each store's gauges show: the last anchored row, a mismatch, the last agreement. */
  private record StoreGauges(AtomicLong anchoredSeq, AtomicLong mismatch, AtomicLong agreedAt) {

    static StoreGauges register(MeterRegistry meters, String store) {
      StoreGauges g = new StoreGauges(new AtomicLong(), new AtomicLong(), new AtomicLong());
      Gauge.builder("audit_anchor_seq", g.anchoredSeq, AtomicLong::get)
          .description("last audit row anchored in the store").tag("store", store)
          .register(meters);
      Gauge.builder("audit_anchor_mismatch", g.mismatch, AtomicLong::get)
          .description("1 when the audit chain no longer holds the row this store anchored")
          .tag("store", store).register(meters);
      Gauge.builder("audit_anchor_timestamp_seconds", g.agreedAt, AtomicLong::get)
          .description("when the store last agreed with the chain (epoch seconds)")
          .tag("store", store).register(meters);
      return g;
    }
  }

  /** One round over every store; what went wrong is logged and left for the next round. */
  public void publishOnce() {
    Optional<AuditAnchor> head;
    try {
      head = head();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("audit anchor: cannot read the chain's head ({})", e.getClass().getSimpleName());
      return;
    }
    for (EtcdAnchorStore store : stores) {
      try {
        publish(store, head);
      } catch (SQLException | RuntimeException e) {
        LOG.warn("audit anchor: store {} failed this round ({})", store.name(),
            e.getClass().getSimpleName());
      }
    }
  }

  private void publish(EtcdAnchorStore store, Optional<AuditAnchor> head) throws SQLException {
    StoreGauges shown = gauges.get(store.name());
    EtcdAnchorStore.Reading reading = store.read();
    if (reading instanceof EtcdAnchorStore.Unreachable) {
      LOG.warn("audit anchor: store {} unreachable", store.name());
      return;
    }
    if (reading instanceof Found found) {
      Optional<String> problem;
      try (Connection connection = dataSource.getConnection()) {
        problem = AnchorCheck.problem(connection, found.anchor());
      }
      if (problem.isPresent()) {
        shown.mismatch().set(1);
        LOG.error("audit chain does not match its anchor in store {}: {}", store.name(),
            problem.get());
        return;
      }
      shown.mismatch().set(0);
      shown.anchoredSeq().set(found.anchor().seq());
    }
    if (head.isEmpty()) {
      return;
    }
    EtcdAnchorStore.Advance advance = store.advance(head.get());
    if (advance == EtcdAnchorStore.Advance.ADVANCED) {
      shown.anchoredSeq().set(head.get().seq());
    }
    if (advance == EtcdAnchorStore.Advance.ADVANCED
        || advance == EtcdAnchorStore.Advance.ALREADY_AHEAD) {
      shown.agreedAt().set(clock.instant().getEpochSecond());
    }
  }

  private Optional<AuditAnchor> head() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        var query = connection.prepareStatement(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        var row = query.executeQuery()) {
      return row.next()
          ? Optional.of(new AuditAnchor(row.getLong(1), row.getString(2), clock.instant()))
          : Optional.empty();
    }
  }

  @Override
  public void start() {
    if (stores.isEmpty()) {
      LOG.warn("no edge.audit.anchor.stores configured: the audit chain's head is kept nowhere"
          + " else, so rows removed from its tail would go unnoticed");
      return;
    }
    rounds.start(this::publishOnce, properties.interval());
  }

  @Override
  public void stop() {
    rounds.stop();
  }

  @Override
  public boolean isRunning() {
    return rounds.isRunning();
  }
}
