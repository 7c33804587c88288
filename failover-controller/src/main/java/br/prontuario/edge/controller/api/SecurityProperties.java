package br.prontuario.edge.controller.api;

import jakarta.validation.constraints.NotBlank;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param jwtSecret the HS256 secret edge-node signs access tokens with (base64, ≥ 32 bytes) */
@Validated
@ConfigurationProperties("edge.security")
public record SecurityProperties(@NotBlank String jwtSecret) {

  public SecurityProperties {
    if (jwtSecret != null && !jwtSecret.isBlank() && secretBytes(jwtSecret).length < 32) {
      throw new IllegalArgumentException("edge.security.jwt-secret must decode (base64) to at least 32 bytes");
    }
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
