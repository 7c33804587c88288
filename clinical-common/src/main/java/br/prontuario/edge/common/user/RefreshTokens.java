package br.prontuario.edge.common.user;

import br.prontuario.edge.common.audit.AuditHashing;
import br.prontuario.edge.common.security.SecurityProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Opaque, single-use refresh tokens in Redis (only their SHA-256 is stored). Using one deletes it
 * atomically, so a token can be rotated exactly once; logout revokes it.
 */
@Component
class RefreshTokens {

  private final StringRedisTemplate redis;
  private final SecurityProperties properties;
  private final SecureRandom random = new SecureRandom();

  RefreshTokens(StringRedisTemplate redis, SecurityProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  String issue(String username) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    redis.opsForValue().set(key(token), username, properties.refreshTokenTtl());
    return token;
  }

  /** The username the token was issued to; the token is spent either way. */
  Optional<String> consume(String token) {
    return Optional.ofNullable(redis.opsForValue().getAndDelete(key(token)));
  }

  void revoke(String token) {
    redis.delete(key(token));
  }

  private static String key(String token) {
    return "refresh:" + AuditHashing.sha256(token);
  }
}
