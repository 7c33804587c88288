package br.prontuario.edge.controller.decision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How often nodes are probed and when a node counts as failed (seed 004: every 5 s, 2 s timeout,
 * down after 3 consecutive failures).
 *
 * @param interval time between the starts of two probe rounds (never less, even after a pause)
 * @param timeout a probe slower than this counts as one failure
 * @param failureThreshold consecutive failures of a signal before it counts as failed
 * @param switchoverCooldown how long to wait for Patroni before asking for a switchover again
 */
@Validated
@ConfigurationProperties("edge.controller.probe")
public record HealthRules(
    @NotNull Duration interval,
    @NotNull Duration timeout,
    @Min(1) @Max(100) int failureThreshold,
    @NotNull Duration switchoverCooldown) {

  public HealthRules {
    interval = interval == null ? Duration.ofSeconds(5) : interval;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    failureThreshold = failureThreshold == 0 ? 3 : failureThreshold;
    switchoverCooldown = switchoverCooldown == null ? Duration.ofSeconds(30) : switchoverCooldown;
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "edge.controller.probe.timeout must be positive and at most the interval (" + interval
              + "), was " + timeout);
    }
  }

  public static HealthRules seedDefaults() {
    return new HealthRules(null, null, 0, null);
  }
}
