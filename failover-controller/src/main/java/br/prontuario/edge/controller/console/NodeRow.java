package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.NodeHealth;
import br.prontuario.edge.controller.decision.NodeProbe;
import br.prontuario.edge.controller.decision.Observation;
import java.util.Optional;

/**
 * One node as the console shows it, from the controller's last probe round and its metrics.
 *
 * @param role active | standby | down, as the controller sees it
 * @param pgRole leader | sync_standby | replica | unknown (Patroni's DCS view)
 * @param lagBytes null when Patroni does not say
 * @param app the edge-node's readiness: "ok" or why the probe failed
 */
record NodeRow(String name, String role, String status, String pgRole, String pgState, Long lagBytes,
    Double lagSeconds, String redisRole, boolean appReady, String app, boolean patroniAnswers,
    int appFailures, int patroniFailures) {

  static NodeRow of(NodeHealth health, String activeNode, Optional<Observation> observation,
      MetricReadings metrics) {
    String node = health.node();
    String role = node.equals(activeNode) ? "active" : health.status().serves() ? "standby" : "down";
    Optional<ClusterMember> member = observation.flatMap(o -> o.member(node));
    Optional<NodeProbe> probe = observation.flatMap(o -> o.nodes().stream()
        .filter(n -> n.node().equals(node)).findFirst());
    Long lagBytes = member.map(ClusterMember::lagBytes).filter(b -> b >= 0).orElse(null);
    return new NodeRow(node, role, health.status().name(),
        member.map(ClusterMember::role).orElse("unknown"), member.map(ClusterMember::state).orElse("unknown"),
        lagBytes, metrics.lagSeconds().get(node), probe.map(NodeProbe::redisRole).orElse("unknown"),
        probe.map(p -> p.app().ok()).orElse(false), probe.map(p -> p.app().detail()).orElse("not probed yet"),
        probe.map(p -> p.patroni().ok()).orElse(false), health.appFailures(), health.patroniFailures());
  }
}
