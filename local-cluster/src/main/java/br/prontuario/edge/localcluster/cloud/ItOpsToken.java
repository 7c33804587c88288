package br.prontuario.edge.localcluster.cloud;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A short-lived HS256 access token with the it-ops role, signed with the cluster's JWT secret
 * (the contract every app validates), so edgectl can call the ops endpoints.
 */
public final class ItOpsToken {

  private ItOpsToken() {}

  public static String issue(String base64Secret, String subject, Instant now) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"
        .getBytes(StandardCharsets.UTF_8));
    String payload = url.encodeToString(("{\"sub\":" + Http.quote(subject)
        + ",\"roles\":[\"it-ops\"],\"iss\":\"prontuario-edge\",\"iat\":" + now.getEpochSecond()
        + ",\"exp\":" + now.plusSeconds(300).getEpochSecond() + "}")
        .getBytes(StandardCharsets.UTF_8));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA256"));
      byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + url.encodeToString(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
