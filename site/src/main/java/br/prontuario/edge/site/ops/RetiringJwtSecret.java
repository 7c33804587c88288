package br.prontuario.edge.site.ops;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The JWT secret a rotation replaced, still accepted for verifying (never for signing) until
 * {@code acceptedUntil}: tokens signed before the rotation, by an edge-node or a failover
 * controller not yet restarted, keep working for the few minutes they live, and nobody is signed
 * out ({@code edgectl rotate-secrets}).
 *
 * @param secret base64, as {@code edge.security.jwt-secret}
 */
public record RetiringJwtSecret(String secret, Instant acceptedUntil) {

  public RetiringJwtSecret {
    if (secret == null || secret.isBlank() || acceptedUntil == null) {
      throw new IllegalArgumentException("a retiring JWT secret needs the secret and its deadline");
    }
    if (Base64.getDecoder().decode(secret.trim()).length < 32) {
      throw new IllegalArgumentException("the retiring JWT secret must be at least 32 bytes (base64)");
    }
  }

  /** Empty when no secret is retiring ({@code secret} blank, as the apps' default). */
  public static Optional<RetiringJwtSecret> of(String secret, Instant acceptedUntil) {
    return secret == null || secret.isBlank() ? Optional.empty()
        : Optional.of(new RetiringJwtSecret(secret, acceptedUntil));
  }

  public byte[] key() {
    return Base64.getDecoder().decode(secret.trim());
  }

  public boolean acceptedAt(Instant now) {
    return now.isBefore(acceptedUntil);
  }
}
