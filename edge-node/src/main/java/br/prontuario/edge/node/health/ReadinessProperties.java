package br.prontuario.edge.node.health;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.readiness.*}.
 *
 * @param primaryCheckTimeout how long the primary check may take; below HAProxy's 2 s check
 *     timeout, so a node whose database hangs (a frozen peer) reports DOWN instead of hanging
 */
@Validated
@ConfigurationProperties("edge.readiness")
record ReadinessProperties(@NotNull @DefaultValue("1500ms") Duration primaryCheckTimeout) {}
