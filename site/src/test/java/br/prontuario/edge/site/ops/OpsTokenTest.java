package br.prontuario.edge.site.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpsTokenTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef0123".getBytes(StandardCharsets.US_ASCII);
  static final String SECRET = Base64.getEncoder().encodeToString(KEY);

  @Test
  void mintsAnItOpsTokenSignedWithTheDecodedSecret() throws Exception {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    String[] parts = OpsToken.mint(SECRET, "edgectl-drill", now, Duration.ofMinutes(5)).split("\\.");

    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
        mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
    assertThat(parts[2]).isEqualTo(expected);

    JsonNode claims = JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(claims.path("roles").get(0).asString()).isEqualTo("it-ops");
    assertThat(claims.path("iss").asString()).isEqualTo("prontuario-edge");
    assertThat(claims.path("exp").asLong()).isEqualTo(now.getEpochSecond() + 300);
  }

  @Test
  void refusesAShortSecret() {
    String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> OpsToken.mint(shortSecret, "x", Instant.EPOCH, Duration.ofMinutes(1)))
        .hasMessageContaining("32 bytes");
  }
}
