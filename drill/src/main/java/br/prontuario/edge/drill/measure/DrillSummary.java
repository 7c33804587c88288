package br.prontuario.edge.drill.measure;

import java.util.List;

/** The runs of one drill summed up: RTO, RPO, lost and duplicated writes as median, p95, max. */
public record DrillSummary(String scenario, int runs, int passedRuns, Stats rtoSeconds,
    Stats rpoSeconds, Stats lostAcknowledgedWrites, Stats duplicatedWrites, Stats detectionSeconds,
    Stats promotionSeconds, Stats slowestWriteSeconds, boolean passed) {

  public static DrillSummary of(String scenario, List<RunMeasurement> runs) {
    int passed = (int) runs.stream().filter(RunMeasurement::passed).count();
    return new DrillSummary(scenario, runs.size(), passed,
        Stats.of(runs.stream().map(RunMeasurement::rtoSeconds).toList()),
        Stats.of(runs.stream().map(r -> r.rpoSeconds()).map(Double::valueOf).toList()),
        Stats.of(runs.stream().map(r -> (double) r.lostAcknowledgedWrites()).toList()),
        Stats.of(runs.stream().map(r -> (double) r.duplicatedWrites()).toList()),
        Stats.of(runs.stream().map(RunMeasurement::detectionSeconds).toList()),
        Stats.of(runs.stream().map(RunMeasurement::promotionSeconds).toList()),
        Stats.of(runs.stream().map(RunMeasurement::slowestWriteSeconds).toList()),
        !runs.isEmpty() && passed == runs.size());
  }
}
