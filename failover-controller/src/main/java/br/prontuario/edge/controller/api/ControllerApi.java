package br.prontuario.edge.controller.api;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.NodeHealth;
import br.prontuario.edge.controller.decision.NodeProbe;
import br.prontuario.edge.controller.decision.Observation;
import br.prontuario.edge.controller.decision.SwitchoverOutcome;
import br.prontuario.edge.controller.history.DecisionHistory;
import br.prontuario.edge.controller.history.HistoryEvent;
import br.prontuario.edge.controller.loop.ControlLoop;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What IT staff (role it-ops) can see and do; edgectl's controller commands call this. */
@RestController
@RequestMapping("/api/v1")
class ControllerApi {

  private final ControlLoop loop;
  private final DecisionHistory history;

  ControllerApi(ControlLoop loop, DecisionHistory history) {
    this.loop = loop;
    this.history = history;
  }

  @GetMapping("/status")
  ControllerStatus status() {
    var engine = loop.engine();
    var leadership = loop.leadership();
    String metricsUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/metrics").toUriString();
    var observation = engine.lastObservation();
    List<NodeView> nodes = engine.health().values().stream()
        .map(h -> NodeView.of(h, engine.activeNode(), observation.orElse(null)))
        .toList();
    return new ControllerStatus(engine.state().name(), engine.activeNode(), metricsUrl,
        loop.lastEvent().or(history::last).orElse(null), leadership.identity(), leadership.isLeader(),
        leadership.leader().orElse(null), engine.maintenance(), loop.cloudActive(), nodes);
  }

  @GetMapping("/history")
  List<HistoryEvent> history(@RequestParam(defaultValue = "50") int limit) {
    return history.recent(Math.max(1, Math.min(limit, 1000)));
  }

  @PostMapping("/switchover")
  HistoryEvent switchover(@Valid @RequestBody SwitchoverRequest request) {
    SwitchoverOutcome outcome = loop.switchover(request.to());
    if (outcome instanceof SwitchoverOutcome.Rejected rejected) {
      throw new RejectedException(rejected.reason());
    }
    return loop.lastEvent().orElseThrow();
  }

  @PutMapping("/maintenance")
  ControllerStatus maintenance(@Valid @RequestBody MaintenanceRequest request) {
    loop.maintenance(request.enabled());
    return status();
  }

  record SwitchoverRequest(@NotBlank String to) {}

  record MaintenanceRequest(@NotNull Boolean enabled) {}

  /**
   * @param role active | standby (serves, not active) | down (does not serve)
   * @param db the member's role in Patroni's DCS view (leader | sync_standby | replica), or unknown
   */
  record NodeView(String name, String role, String status, String db, String redis, int appFailures,
      int patroniFailures) {
    static NodeView of(NodeHealth h, String activeNode, Observation observation) {
      String role = h.node().equals(activeNode) ? "active" : h.status().serves() ? "standby" : "down";
      String db = observation == null ? "unknown"
          : observation.member(h.node()).map(ClusterMember::role).orElse("unknown");
      String redis = observation == null ? "unknown" : observation.nodes().stream()
          .filter(n -> n.node().equals(h.node())).map(NodeProbe::redisRole).findFirst().orElse("unknown");
      return new NodeView(h.node(), role, h.status().name(), db, redis, h.appFailures(), h.patroniFailures());
    }
  }

  record ControllerStatus(String state, String activeNode, String metricsUrl, HistoryEvent lastDecision,
      String controller, boolean acting, String leader, boolean maintenance, boolean cloudActive,
      List<NodeView> nodes) {}
}
