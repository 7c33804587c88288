package br.prontuario.edge.drill.report;

import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.Target;
import java.time.Instant;
import java.util.List;

/** One drill: its runs, their summary and the target they were judged against. */
public record DrillReport(String scenario, boolean safeForProduction, Instant startedAt,
    Instant finishedAt, int clients, Target target, List<RunMeasurement> runs,
    DrillSummary summary) {

  public DrillReport {
    runs = List.copyOf(runs);
  }
}
