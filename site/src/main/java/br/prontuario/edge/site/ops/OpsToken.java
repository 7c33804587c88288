package br.prontuario.edge.site.ops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A short-lived it-ops access token, HS256-signed with the cluster's JWT secret (base64, as in
 * {@code edge.security.jwt-secret}), so edgectl, the drill and failback can call the ops endpoints (controller, cloud-fallback).
 */
public final class OpsToken {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private OpsToken() {}

  public static String mint(String base64Secret, String subject, Instant now, Duration ttl) {
    byte[] key = Base64.getDecoder().decode(base64Secret);
    if (key.length < 32) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes");
    }
    String header = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    String claims = encode(JSON.writeValueAsString(java.util.Map.of(
        "sub", subject,
        "roles", java.util.List.of("it-ops"),
        "iss", "prontuario-edge",
        "iat", now.getEpochSecond(),
        "exp", now.plus(ttl).getEpochSecond())));
    String signingInput = header + "." + claims;
    return signingInput + "." + B64URL.encodeToString(hmac(key, signingInput));
  }

  private static String encode(String json) {
    return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] hmac(byte[] key, String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
