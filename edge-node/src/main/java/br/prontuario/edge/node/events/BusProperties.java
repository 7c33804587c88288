package br.prontuario.edge.node.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.events.bus.*}: where the relay publishes the outbox (Apache Kafka). No bootstrap
 * servers, no bus: the events still reach the webhooks and {@code edgectl events tail}.
 *
 * @param bootstrapServers {@code host:port,...} of the brokers; empty turns the bus off
 * @param topic the clinical events' topic, created by the relay when missing
 * @param partitions the topic's partitions (a patient's events always go to the same one)
 * @param replicationFactor copies of each partition: 3 = one per box
 * @param minInsyncReplicas copies that must hold an event before the brokers acknowledge it
 * @param poll how often the relay looks for pending events
 * @param batch events published per round trip (and per database transaction)
 * @param sendTimeout how long the brokers have to acknowledge a batch before it is tried again
 * @param firstRetry wait after a failed round; doubled after each next one up to maxRetry, with
 *     up to half taken off at random (jitter)
 * @param keyStore this client's certificate and key (PEM), when the brokers ask for one (TLS)
 * @param trustStore the CA certificate (PEM) the brokers' certificates must chain to
 */
@Validated
@ConfigurationProperties("edge.events.bus")
public record BusProperties(
    @DefaultValue("") String bootstrapServers,
    @NotBlank @DefaultValue("prontuario.clinical-events") String topic,
    @Min(1) @Max(1000) @DefaultValue("6") int partitions,
    @Min(1) @Max(5) @DefaultValue("3") int replicationFactor,
    @Min(1) @Max(5) @DefaultValue("2") int minInsyncReplicas,
    @NotNull @DefaultValue("200ms") Duration poll,
    @Min(1) @Max(5000) @DefaultValue("500") int batch,
    @NotNull @DefaultValue("15s") Duration sendTimeout,
    @NotNull @DefaultValue("1s") Duration firstRetry,
    @NotNull @DefaultValue("30s") Duration maxRetry,
    @DefaultValue("") String keyStore,
    @DefaultValue("") String trustStore) {

  public boolean enabled() {
    return !bootstrapServers.isBlank();
  }
}
