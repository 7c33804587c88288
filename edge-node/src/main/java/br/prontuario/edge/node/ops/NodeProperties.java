package br.prontuario.edge.node.ops;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code edge.node.*}: which Mac Studio this process runs on. */
@Validated
@ConfigurationProperties("edge.node")
public record NodeProperties(@NotBlank String name) {}
