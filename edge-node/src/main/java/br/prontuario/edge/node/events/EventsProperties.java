package br.prontuario.edge.node.events;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.events.*}: how webhook deliveries are retried. The subscribers themselves are data
 * ({@code webhook_subscribers}, {@code edgectl events subscribe}).
 *
 * @param maxAttempts attempts before an event goes to the dead-letter queue
 * @param firstRetry wait after the first failure; doubled after each next one, up to maxRetry,
 *     each with up to half of it taken off at random (jitter)
 * @param poll how often the relay looks for due events; 0 turns it off on this node
 * @param retention how long delivered deliveries, and events nobody is still owed, are kept
 *     (events are not clinical records: the records stay in their own tables)
 */
@Validated
@ConfigurationProperties("edge.events")
public record EventsProperties(
    @Min(1) @DefaultValue("8") int maxAttempts,
    @NotNull @DefaultValue("2s") Duration firstRetry,
    @NotNull @DefaultValue("5m") Duration maxRetry,
    @NotNull @DefaultValue("1s") Duration poll,
    @NotNull @DefaultValue("5s") Duration timeout,
    @NotNull @DefaultValue("7d") Duration retention) {}
