package br.prontuario.edge.node.demo;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code edge.demo.*}: the demo user and synthetic patients for a local cluster. */
@Validated
@ConfigurationProperties("edge.demo")
public record DemoProperties(
    @DefaultValue("false") boolean enabled,
    String password,
    @DefaultValue("demo") String username,
    @Min(0) @Max(100_000) @DefaultValue("200") int patients) {

  @AssertTrue(message = "edge.demo.password (8+ characters) is required when the demo is enabled")
  boolean isPasswordGivenWhenEnabled() {
    return !enabled || (password != null && password.length() >= 8);
  }
}
