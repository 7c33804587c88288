package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.decision.NodeHealth;
import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.loop.ControlLoop;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/** Builds the live view from the control loop, the metrics and the site's read-only probes. */
final class LiveView {

  private final ControlLoop loop;
  private final DecisionHistory history;
  private final MeterRegistry meters;
  private final AlertEvaluator alerts;
  private final SiteProbes probes;
  private final Clock clock;

  LiveView(ControlLoop loop, DecisionHistory history, MeterRegistry meters, AlertEvaluator alerts,
      SiteProbes probes, Clock clock) {
    this.loop = loop;
    this.history = history;
    this.meters = meters;
    this.alerts = alerts;
    this.probes = probes;
    this.clock = clock;
  }

  LiveSnapshot snapshot() {
    var engine = loop.engine();
    var leadership = loop.leadership();
    MetricReadings readings = MetricReadings.from(meters, clock.instant());
    List<NodeRow> nodes = engine.health().values().stream()
        .sorted(Comparator.comparing(NodeHealth::node))
        .map(h -> NodeRow.of(h, engine.activeNode(), engine.lastObservation(), readings))
        .toList();
    var controller = new LiveSnapshot.Controller(leadership.identity(), leadership.isLeader(),
        leadership.leader().orElse(null), engine.state().name(), engine.activeNode(), engine.maintenance(),
        loop.cloudActive(), loop.lastEvent().or(history::last).orElse(null));
    return new LiveSnapshot(clock.instant(), controller, nodes, probes.witness(), probes.entryPoints(),
        probes.cloud(), alerts.evaluate(readings));
  }
}
