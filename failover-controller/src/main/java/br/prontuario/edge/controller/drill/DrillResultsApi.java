package br.prontuario.edge.controller.drill;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code edgectl drill} reports each measured run here so Prometheus keeps the last RTO/RPO per
 * scenario next to the controller's own series ({@code drill_last_rto_seconds{scenario}}, ...).
 */
@RestController
class DrillResultsApi {

  private static final Logger log = LoggerFactory.getLogger(DrillResultsApi.class);

  private final MeterRegistry meters;
  private final Map<String, DrillResult> last = new ConcurrentHashMap<>();

  DrillResultsApi(MeterRegistry meters) {
    this.meters = meters;
  }

  @PostMapping("/api/v1/drills/results")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void record(@Valid @RequestBody DrillResult result) {
    if (last.put(result.scenario(), result) == null) {
      String s = result.scenario();
      Gauge.builder("drill.last.rto.seconds", last, m -> orNaN(m.get(s).rtoSeconds()))
          .tag("scenario", s).register(meters);
      Gauge.builder("drill.last.rpo.seconds", last, m -> orNaN(m.get(s).rpoSeconds()))
          .tag("scenario", s).register(meters);
      Gauge.builder("drill.last.lost.acknowledged.writes", last, m -> m.get(s).lostAcknowledgedWrites())
          .tag("scenario", s).register(meters);
      Gauge.builder("drill.last.passed", last, m -> m.get(s).passed() ? 1 : 0)
          .tag("scenario", s).register(meters);
    }
    meters.counter("drill.runs", "scenario", result.scenario(), "result", result.passed() ? "passed" : "failed")
        .increment();
    log.info("drill {} {}: rto={}s rpo={}s lostAcknowledgedWrites={}", result.scenario(),
        result.passed() ? "passed" : "FAILED", result.rtoSeconds(), result.rpoSeconds(),
        result.lostAcknowledgedWrites());
  }

  private static double orNaN(Double value) {
    return value == null ? Double.NaN : value;
  }

  record DrillResult(
      @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") String scenario,
      Double rtoSeconds,
      @NotNull Integer lostAcknowledgedWrites,
      Double rpoSeconds,
      @NotNull Boolean passed,
      String finishedAt) {}
}
