package br.prontuario.edge.controller.drill;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The last drill result per scenario, exported as {@code last_drill_rto_seconds{scenario}} and
 * {@code last_drill_lost_writes{scenario}} and {@code last_drill_duplicated_writes{scenario}}. Only the known scenarios become label values, so a
 * caller cannot grow the series without bound.
 */
@Component
public class LastDrillResults {


  private final MeterRegistry meters;
  private final Map<String, DrillResult> last = new ConcurrentHashMap<>();

  public LastDrillResults(MeterRegistry meters) {
    this.meters = meters;
  }

  public void record(DrillResult result) {
    if (!result.scenario().matches(DrillResult.SCENARIOS)) {
      throw new IllegalArgumentException("unknown drill scenario " + result.scenario());
    }
    if (last.put(result.scenario(), result) == null) {
      register(result.scenario());
    }
  }

  public Optional<DrillResult> last(String scenario) {
    return Optional.ofNullable(last.get(scenario));
  }

  private void register(String scenario) {
    // NaN when a run has no RTO (validation, or no recovery): "unknown", not "instant"
    Gauge.builder("last.drill.rto.seconds", last, m -> Optional.ofNullable(m.get(scenario))
            .map(DrillResult::rtoSeconds).orElse(Double.NaN))
        .tag("scenario", scenario)
        .description("RTO of the last drill run of this scenario")
        .register(meters);
    Gauge.builder("last.drill.lost.writes", last, m -> Optional.ofNullable(m.get(scenario))
            .map(r -> (double) r.lostAcknowledgedWrites()).orElse(Double.NaN))
        .tag("scenario", scenario)
        .description("Acknowledged writes lost in the last drill run of this scenario")
        .register(meters);
    Gauge.builder("last.drill.duplicated.writes", last, m -> Optional.ofNullable(m.get(scenario))
            .map(DrillResult::duplicatedWrites).map(Integer::doubleValue).orElse(Double.NaN))
        .tag("scenario", scenario)
        .description("Acknowledged writes stored twice in the last drill run of this scenario")
        .register(meters);
    Gauge.builder("last.drill.passed", last, m -> Optional.ofNullable(m.get(scenario))
            .map(r -> r.passed() ? 1.0 : 0.0).orElse(Double.NaN))
        .tag("scenario", scenario)
        .description("1 when the last drill run of this scenario met the seed's target")
        .register(meters);
  }
}
