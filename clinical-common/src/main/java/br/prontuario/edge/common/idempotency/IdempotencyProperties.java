package br.prontuario.edge.common.idempotency;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code edge.idempotency.*}: how long a key is remembered, and how often old keys are purged. */
@Validated
@ConfigurationProperties("edge.idempotency")
public record IdempotencyProperties(
    @NotNull @DefaultValue("24h") Duration retention,
    @NotNull @DefaultValue("10m") Duration purgeEvery) {}
