package br.prontuario.edge.common.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code edge.security.*}: token lifetimes and login throttling. */
@Validated
@ConfigurationProperties("edge.security")
public record SecurityProperties(
    @NotBlank String jwtSecret,
    @NotNull @DefaultValue("15m") Duration accessTokenTtl,
    @NotNull @DefaultValue("12h") Duration refreshTokenTtl,
    @Min(1) @DefaultValue("5") int maxFailedLogins,
    @NotNull @DefaultValue("15m") Duration lockout,
    @Min(1) @DefaultValue("60") int loginAttemptsPerMinutePerAddress) {

  @AssertTrue(message = "access tokens live at most 15 minutes")
  boolean isAccessTokenShortLived() {
    return accessTokenTtl == null || accessTokenTtl.compareTo(Duration.ofMinutes(15)) <= 0;
  }
}
