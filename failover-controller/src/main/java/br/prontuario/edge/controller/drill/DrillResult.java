package br.prontuario.edge.controller.drill;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;

/**
 * One drill run as {@code edgectl drill} reports it.
 *
 * @param rtoSeconds null when the scenario has no fault (health-check validation) or never
 *     recovered
 * @param duplicatedWrites acknowledged notes stored more than once (one idempotency key, two
 *     records); null from a drill client that predates the count
 */
public record DrillResult(
    @NotNull @Pattern(regexp = SCENARIOS) String scenario,
    @PositiveOrZero Double rtoSeconds,
    @NotNull @Min(0) Integer lostAcknowledgedWrites,
    @Min(0) Integer duplicatedWrites,
    @PositiveOrZero double rpoSeconds,
    boolean passed,
    Instant finishedAt) {

  /** The scenarios of {@code edgectl drill} (module drill, {@code Scenario}): the only labels. */
  static final String SCENARIOS = "health-check-validation|primary-crash|primary-freeze"
      + "|primary-app-crash|standby-crash|planned-switchover|dual-failure-cloud|failback"
      + "|witness-and-standby-freeze|witness-loss";
}
