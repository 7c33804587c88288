package br.prontuario.edge.controller.drill;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The seed's drill cadence (004, "Cronograma Testes Recuperação Desastre") for the two drills that
 * are safe on production: health-check validation daily, planned switchover weekly.
 *
 * @param command how to run a drill; {@code {scenario}} is replaced by the scenario's name, e.g.
 *     {@code [bin/edgectl, drill, "{scenario}", --json, --dir, /var/lib/prontuario/cluster]}
 * @param timeout a drill still running after this is stopped
 */
@Validated
@ConfigurationProperties("edge.drill.schedule")
public record DrillScheduleProperties(
    @DefaultValue("false") boolean enabled,
    @NotNull @DefaultValue("P1D") Duration validationEvery,
    @NotNull @DefaultValue("P7D") Duration switchoverEvery,
    @DefaultValue({"bin/edgectl", "drill", "{scenario}", "--json"}) @NotEmpty List<String> command,
    @DefaultValue(".") String workingDir,
    @NotNull @DefaultValue("PT15M") Duration timeout) {

  public DrillScheduleProperties {
    if (enabled && (!positive(validationEvery) || !positive(switchoverEvery) || !positive(timeout))) {
      throw new IllegalArgumentException(
          "edge.drill.schedule: validation-every, switchover-every and timeout must be positive");
    }
    if (enabled && command.stream().noneMatch(part -> part.contains("{scenario}"))) {
      throw new IllegalArgumentException("edge.drill.schedule.command must contain {scenario}");
    }
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
