package br.prontuario.edge.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class JwtServiceTest {

  private static final String SECRET =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private final Instant now = Instant.parse("2026-11-25T12:00:00Z");
  private final JwtService jwt =
      new JwtService(SECRET, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));

  @Test
  void tokensCarryTheContractClaims() throws Exception {
    String token = jwt.issue("dr-ana", EnumSet.of(Role.PHYSICIAN, Role.AUDITOR)).token();
    var claims = SignedJWT.parse(token).getJWTClaimsSet();
    assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    assertThat(claims.getSubject()).isEqualTo("dr-ana");
    assertThat(claims.getIssuer()).isEqualTo("prontuario-edge");
    assertThat(claims.getStringListClaim("roles")).containsExactly("physician", "auditor");
    assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofMinutes(15)));
  }

  @Test
  void aValidTokenVerifiesToItsPrincipal() {
    String token = jwt.issue("ops", EnumSet.of(Role.IT_OPS)).token();
    assertThat(jwt.verify(token)).contains(new ClinicalPrincipal("ops", EnumSet.of(Role.IT_OPS)));
  }

  @Test
  void expiredTamperedAndForeignTokensAreRejected() {
    String token = jwt.issue("dr-ana", EnumSet.of(Role.PHYSICIAN)).token();
    JwtService later = new JwtService(SECRET, Duration.ofMinutes(15),
        Clock.fixed(now.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
    assertThat(later.verify(token)).isEmpty();

    String[] parts = token.split("\\.");
    String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"sub\":\"mallory\",\"iss\":\"prontuario-edge\",\"roles\":[\"admin\"],\"exp\":9999999999}"
            .getBytes());
    assertThat(jwt.verify(parts[0] + "." + otherPayload + "." + parts[2])).isEmpty();

    JwtService other = new JwtService(Base64.getEncoder().encodeToString(
        "another-secret-another-secret-00".getBytes()), Duration.ofMinutes(5),
        Clock.fixed(now, ZoneOffset.UTC));
    assertThat(jwt.verify(other.issue("x", EnumSet.of(Role.ADMIN)).token())).isEmpty();
    assertThat(jwt.verify("not a jwt")).isEmpty();
  }

  @Test
  void secretsShorterThan32BytesAreRefused() {
    assertThatThrownBy(() -> new JwtService(Base64.getEncoder().encodeToString("short".getBytes()),
        Duration.ofMinutes(5), Clock.systemUTC())).hasMessageContaining("32 bytes");
  }

  @Test
  void aRetiringSecretStillVerifiesItsTokensUntilItsDeadlineButNeverSigns() {
    String retired = Base64.getEncoder().encodeToString("the-secret-before-the-rotation!!".getBytes());
    String signedBefore = new JwtService(retired, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC))
        .issue("dr-ana", EnumSet.of(Role.PHYSICIAN)).token();
    var retiring = java.util.Optional.of(new br.prontuario.edge.site.ops.RetiringJwtSecret(retired,
        now.plus(Duration.ofMinutes(10))));
    JwtService rotated = new JwtService(SECRET, retiring, Duration.ofMinutes(15),
        Clock.fixed(now.plus(Duration.ofMinutes(9)), ZoneOffset.UTC));
    JwtService pastDeadline = new JwtService(SECRET, retiring, Duration.ofMinutes(15),
        Clock.fixed(now.plus(Duration.ofMinutes(10)), ZoneOffset.UTC));

    assertThat(rotated.verify(signedBefore))
        .contains(new ClinicalPrincipal("dr-ana", EnumSet.of(Role.PHYSICIAN)));
    assertThat(pastDeadline.verify(signedBefore)).isEmpty();
    // new tokens carry the new secret: a node still on the old one alone refuses them
    String signedAfter = rotated.issue("dr-ana", EnumSet.of(Role.PHYSICIAN)).token();
    assertThat(jwt.verify(signedAfter)).isPresent();
    assertThat(new JwtService(retired, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC))
        .verify(signedAfter)).isEmpty();
  }
}
