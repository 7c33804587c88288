package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.history.HistoryEvent;
import java.time.Instant;
import java.util.List;

/**
 * Everything the live view shows at one moment; pushed as one server-sent event. Cluster state
 * only: no patient, note or user data is ever part of it.
 */
record LiveSnapshot(Instant at, Controller controller, List<NodeRow> nodes, SiteProbes.Witness witness,
    List<SiteProbes.EntryPoint> entryPoints, SiteProbes.CloudView cloud, List<AlertEvaluator.ActiveAlert> alerts) {

  /**
   * @param replica this replica's identity (every replica serves the console)
   * @param acting whether this replica is the one that acts
   * @param actingReplica the identity holding the lease, when known
   */
  record Controller(String replica, boolean acting, String actingReplica, String state, String activeNode,
      boolean maintenance, boolean cloudActive, HistoryEvent lastDecision) {}
}
