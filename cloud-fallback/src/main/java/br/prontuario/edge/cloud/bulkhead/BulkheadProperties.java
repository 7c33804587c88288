package br.prontuario.edge.cloud.bulkhead;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cloud.bulkhead.*}: seed 004 sizes emergency mode for 50 concurrent users, so at most 50
 * API requests are in flight; the 51st is refused at once with Retry-After.
 */
@Validated
@ConfigurationProperties("cloud.bulkhead")
record BulkheadProperties(
    @Min(1) @Max(1000) @DefaultValue("50") int maxConcurrentRequests,
    @NotNull @DefaultValue("5s") Duration retryAfter) {}
