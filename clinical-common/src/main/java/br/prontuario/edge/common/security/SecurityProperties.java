package br.prontuario.edge.common.security;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code edge.security.*}: token lifetimes and login throttling.
 *
 * @param previousJwtSecret the secret a rotation replaced (blank: none), accepted for verifying
 *     until {@code previousJwtSecretUntil}
 */
@Validated
@ConfigurationProperties("edge.security")
public record SecurityProperties(
    @NotBlank String jwtSecret,
    @NotNull @DefaultValue("15m") Duration accessTokenTtl,
    @NotNull @DefaultValue("12h") Duration refreshTokenTtl,
    @Min(1) @DefaultValue("5") int maxFailedLogins,
    @NotNull @DefaultValue("15m") Duration lockout,
    @Min(1) @DefaultValue("60") int loginAttemptsPerMinutePerAddress,
    @DefaultValue("") String previousJwtSecret,
    Instant previousJwtSecretUntil) {

  public Optional<RetiringJwtSecret> retiringJwtSecret() {
    return RetiringJwtSecret.of(previousJwtSecret, previousJwtSecretUntil);
  }

  @AssertTrue(message = "a previous JWT secret needs its deadline (edge.security.previous-jwt-secret-until)")
  boolean isPreviousSecretBounded() {
    return previousJwtSecret == null || previousJwtSecret.isBlank() || previousJwtSecretUntil != null;
  }

  @AssertTrue(message = "access tokens live at most 15 minutes")
  boolean isAccessTokenShortLived() {
    return accessTokenTtl == null || accessTokenTtl.compareTo(Duration.ofMinutes(15)) <= 0;
  }
}
