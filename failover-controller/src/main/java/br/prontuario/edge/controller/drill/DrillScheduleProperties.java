package br.prontuario.edge.controller.drill;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The drills the controller runs by itself: the two that are safe on production on the seed's
 * cadence (004, "Cronograma Testes Recuperação Desastre": health-check validation daily, planned
 * switchover weekly) and the restore drill monthly (issue 20), which restores into a scratch server
 * and touches nothing clinicians use.
 *
 * @param command how to run a drill; {@code {scenario}} is replaced by the scenario's name
 *     ({@code restore} for the restore drill), e.g.
 *     {@code [bin/edgectl, drill, "{scenario}", --json, --dir, /var/lib/prontuario/cluster]}
 * @param timeout a failover drill still running after this is stopped
 * @param restoreTimeout a restore drill still running after this is stopped: it copies a whole
 *     backup and replays WAL, which grows with the database
 */
@Validated
@ConfigurationProperties("edge.drill.schedule")
public record DrillScheduleProperties(
    @DefaultValue("false") boolean enabled,
    @NotNull @DefaultValue("P1D") Duration validationEvery,
    @NotNull @DefaultValue("P7D") Duration switchoverEvery,
    @NotNull @DefaultValue("P30D") Duration restoreEvery,
    @DefaultValue({"bin/edgectl", "drill", "{scenario}", "--json"}) @NotEmpty List<String> command,
    @DefaultValue(".") String workingDir,
    @NotNull @DefaultValue("PT15M") Duration timeout,
    @NotNull @DefaultValue("PT1H") Duration restoreTimeout) {

  public DrillScheduleProperties {
    if (enabled && !Stream.of(validationEvery, switchoverEvery, restoreEvery, timeout, restoreTimeout)
        .allMatch(DrillScheduleProperties::positive)) {
      throw new IllegalArgumentException("edge.drill.schedule: validation-every, switchover-every, "
          + "restore-every, timeout and restore-timeout must be positive");
    }
    if (enabled && command.stream().noneMatch(part -> part.contains("{scenario}"))) {
      throw new IllegalArgumentException("edge.drill.schedule.command must contain {scenario}");
    }
  }

  /** How long {@code scenario} may run before it is stopped. */
  Duration timeoutOf(String scenario) {
    return DrillResult.RESTORE.equals(scenario) ? restoreTimeout : timeout;
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }
}
