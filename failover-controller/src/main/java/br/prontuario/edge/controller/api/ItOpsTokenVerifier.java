package br.prontuario.edge.controller.api;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Accepts only edge-node's HS256 access tokens that carry the it-ops role and have not expired. */
final class ItOpsTokenVerifier {

  static final String ROLE = "it-ops";
  private static final String ISSUER = "prontuario-edge";

  private final MACVerifier verifier;
  private final Optional<RetiringJwtSecret> retiring;
  private final MACVerifier retiringVerifier;
  private final Clock clock;

  ItOpsTokenVerifier(byte[] secret, Clock clock) {
    this(secret, Optional.empty(), clock);
  }

  /** @param retiring the secret a rotation replaced, accepted until its deadline */
  ItOpsTokenVerifier(byte[] secret, Optional<RetiringJwtSecret> retiring, Clock clock) {
    try {
      this.verifier = new MACVerifier(secret);
      this.retiringVerifier = retiring.isPresent() ? new MACVerifier(retiring.get().key()) : null;
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable JWT secret: " + e.getMessage(), e);
    }
    this.retiring = retiring;
    this.clock = clock;
  }

  /** Why the token is refused (401 unless it is a role problem: 403), or empty if it is accepted. */
  Optional<Refusal> refusal(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return Optional.of(new Refusal(401, "missing bearer token"));
    }
    try {
      SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()).trim());
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByAcceptedSecret(jwt)) {
        return Optional.of(new Refusal(401, "invalid token signature"));
      }
      JWTClaimsSet claims = jwt.getJWTClaimsSet();
      if (!ISSUER.equals(claims.getIssuer())) {
        return Optional.of(new Refusal(401, "token not issued by " + ISSUER));
      }
      if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(Date.from(clock.instant()))) {
        return Optional.of(new Refusal(401, "token expired"));
      }
      List<String> roles = claims.getStringListClaim("roles");
      if (roles == null || !roles.contains(ROLE)) {
        return Optional.of(new Refusal(403, "the " + ROLE + " role is required"));
      }
      return Optional.empty();
    } catch (ParseException | JOSEException e) {
      return Optional.of(new Refusal(401, "unreadable token"));
    }
  }

  private boolean signedByAcceptedSecret(SignedJWT jwt) throws JOSEException {
    return jwt.verify(verifier) || (retiring.filter(r -> r.acceptedAt(clock.instant())).isPresent()
        && jwt.verify(retiringVerifier));
  }

  record Refusal(int status, String reason) {}
}
