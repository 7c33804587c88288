package br.prontuario.edge.common.security;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and verifies the HS256 access tokens of the contract: sub, roles, iss=prontuario-edge,
 * exp. Plain class: the failover controller and tests use it without Spring.
 */
public final class JwtService {

  public static final String ISSUER = "prontuario-edge";

  private final byte[] secret;
  private final Optional<RetiringJwtSecret> retiring;
  private final Duration ttl;
  private final Clock clock;

  /** {@code base64Secret} must decode to at least 32 bytes. */
  public JwtService(String base64Secret, Duration ttl, Clock clock) {
    this(base64Secret, Optional.empty(), ttl, clock);
  }

  /**
   * @param retiring the secret a rotation replaced: tokens it signed verify until its deadline;
   *     new tokens are always signed with {@code base64Secret}
   */
  public JwtService(String base64Secret, Optional<RetiringJwtSecret> retiring, Duration ttl, Clock clock) {
    this.secret = Base64.getDecoder().decode(base64Secret.trim());
    if (secret.length < 32) {
      throw new IllegalArgumentException("the JWT secret must be at least 32 bytes (base64)");
    }
    this.retiring = retiring;
    this.ttl = ttl;
    this.clock = clock;
  }

  public record IssuedToken(String token, Instant expiresAt, long expiresInSeconds) {}

  public IssuedToken issue(String username, Set<Role> roles) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(username)
        .issuer(ISSUER)
        .claim("roles", roles.stream().sorted().map(Role::claim).toList())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(expires))
        .jwtID(UUID.randomUUID().toString())
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return new IssuedToken(jwt.serialize(), expires, ttl.toSeconds());
  }

  /** The principal of a valid token; empty when malformed, forged, expired or foreign. */
  public Optional<ClinicalPrincipal> verify(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByAcceptedSecret(jwt)) {
        return Optional.empty();
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      Date exp = claims.getExpirationTime();
      if (exp == null || !exp.toInstant().isAfter(clock.instant())
          || !ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null) {
        return Optional.empty();
      }
      return Optional.of(new ClinicalPrincipal(claims.getSubject(), roles(claims)));
    } catch (ParseException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private boolean signedByAcceptedSecret(SignedJWT jwt) throws JOSEException {
    if (jwt.verify(new MACVerifier(secret))) {
      return true;
    }
    Optional<RetiringJwtSecret> previous = retiring.filter(r -> r.acceptedAt(clock.instant()));
    return previous.isPresent() && jwt.verify(new MACVerifier(previous.get().key()));
  }

  private static Set<Role> roles(JWTClaimsSet claims) throws ParseException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    List<String> names = claims.getStringListClaim("roles");
    if (names != null) {
      names.forEach(n -> Role.fromClaim(n).ifPresent(roles::add));
    }
    return roles;
  }
}
