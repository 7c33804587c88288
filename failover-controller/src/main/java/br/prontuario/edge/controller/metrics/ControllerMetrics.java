package br.prontuario.edge.controller.metrics;

import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.NodeHealth;
import br.prontuario.edge.controller.decision.NodeStatus;
import br.prontuario.edge.controller.decision.Observation;
import br.prontuario.edge.controller.history.HistoryEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The series the seed's alert rules read ({@code up{job="mac-studio"}},
 * {@code postgresql_replication_lag_seconds}, {@code gcp_fallback_active}) plus the controller's own.
 */
public final class ControllerMetrics {

  private final Map<String, Double> up = new ConcurrentHashMap<>();
  private final Map<String, Double> lag = new ConcurrentHashMap<>();
  private final AtomicReference<Double> lastFailoverSeconds = new AtomicReference<>(0.0);
  private final LagClock lagClock;
  private final List<String> nodes;
  private final Counter failovers;

  public ControllerMetrics(MeterRegistry registry, Clock clock, List<String> nodes,
      Supplier<ControllerState> state, BooleanSupplier cloudActive, BooleanSupplier leader) {
    this.lagClock = new LagClock(clock);
    this.nodes = List.copyOf(nodes);
    for (String node : nodes) {
      up.put(node, 1.0);
      lag.put(node, 0.0);
      Gauge.builder("up", up, m -> m.getOrDefault(node, 0.0))
          .description("1 unless the node is down on both signals (app and Patroni)")
          .tag("job", "mac-studio").tag("instance", node).strongReference(true).register(registry);
      Gauge.builder("postgresql.replication.lag.seconds", lag, m -> m.getOrDefault(node, 0.0))
          .description("How long this member has been behind the leader (0 when caught up)")
          .tag("instance", node).strongReference(true).register(registry);
    }
    Gauge.builder("gcp.fallback.active", cloudActive, s -> s.getAsBoolean() ? 1 : 0)
        .description("1 while the cloud fallback is activated by this controller").strongReference(true).register(registry);
    for (ControllerState s : ControllerState.values()) {
      Gauge.builder("controller.state", state, current -> current.get() == s ? 1 : 0)
          .description("1 for the controller's current state").tag("state", s.name()).strongReference(true).register(registry);
    }
    Gauge.builder("controller.leader", leader, l -> l.getAsBoolean() ? 1 : 0)
        .description("1 on the replica that acts").strongReference(true).register(registry);
    Gauge.builder("last.failover.duration.seconds", lastFailoverSeconds, AtomicReference::get)
        .description("First failed probe to active role moved, for the last failover").strongReference(true).register(registry);
    this.failovers = Counter.builder("failovers").description("Active role moves after a failure")
        .register(registry);
  }

  public void observe(Observation observation, Map<String, NodeHealth> health) {
    health.forEach((node, h) -> up.put(node, h.status() == NodeStatus.DOWN ? 0.0 : 1.0));
    lag.putAll(lagClock.update(nodes, observation.members()));
  }

  public void failover(HistoryEvent event) {
    failovers.increment();
    if (event.detectedAt() != null) {
      lastFailoverSeconds.set(
          java.time.Duration.between(event.detectedAt(), event.completedAt()).toMillis() / 1000.0);
    }
  }
}
