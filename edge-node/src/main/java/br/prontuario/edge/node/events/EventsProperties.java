package br.prontuario.edge.node.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.events.*}: the webhook subscribers of the clinical events and how their deliveries
 * are retried. A subscriber receives the events written after it was configured.
 *
 * @param webhooks subscriber name → where to POST and the secret its signatures are made with
 * @param maxAttempts attempts before an event goes to the dead-letter queue
 * @param firstRetry wait after the first failure; doubled after each next one, up to maxRetry,
 *     each with up to half of it taken off at random (jitter)
 */
@Validated
@ConfigurationProperties("edge.events")
public record EventsProperties(
    @NotNull @DefaultValue Map<String, @Valid Webhook> webhooks,
    @Min(1) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("2s") Duration firstRetry,
    @NotNull @DefaultValue("5m") Duration maxRetry,
    @NotNull @DefaultValue("1s") Duration poll,
    @NotNull @DefaultValue("5s") Duration timeout) {

  public record Webhook(@NotBlank String url, @NotBlank String secret) {}
}
