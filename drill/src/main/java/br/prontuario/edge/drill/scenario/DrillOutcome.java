package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.report.DrillReport;

/** How a drill request ended: measured, refused for safety, or not possible on this cluster. */
public sealed interface DrillOutcome {

  record Completed(DrillReport report) implements DrillOutcome {}

  /** An unsafe scenario against a cluster that is not local. */
  record Refused(String reason) implements DrillOutcome {}

  /** The cluster was not in a state to drill (no leader, writes failing before the fault). */
  record Aborted(String reason) implements DrillOutcome {}
}
