package br.prontuario.edge.controller.api;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param jwtSecret the HS256 secret edge-node signs access tokens with (base64, ≥ 32 bytes)
 * @param previousJwtSecret the one a rotation replaced (blank: none), still accepted until
 *     {@code previousJwtSecretUntil}
 */
@Validated
@ConfigurationProperties("edge.security")
public record SecurityProperties(@NotBlank String jwtSecret, @DefaultValue("") String previousJwtSecret,
    Instant previousJwtSecretUntil) {

  public SecurityProperties {
    if (jwtSecret != null && !jwtSecret.isBlank() && secretBytes(jwtSecret).length < 32) {
      throw new IllegalArgumentException("edge.security.jwt-secret must decode (base64) to at least 32 bytes");
    }
    if (previousJwtSecret != null && !previousJwtSecret.isBlank() && previousJwtSecretUntil == null) {
      throw new IllegalArgumentException(
          "edge.security.previous-jwt-secret needs its deadline (edge.security.previous-jwt-secret-until)");
    }
  }

  Optional<RetiringJwtSecret> retiring() {
    return RetiringJwtSecret.of(previousJwtSecret, previousJwtSecretUntil);
  }

  byte[] secret() {
    return secretBytes(jwtSecret);
  }

  private static byte[] secretBytes(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("edge.security.jwt-secret must be base64", e);
    }
  }
}
