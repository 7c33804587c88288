package br.prontuario.edge.controller.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** Mints tokens the way edge-node does (HS256, iss prontuario-edge, roles claim). */
final class Tokens {

  static final String SECRET = Base64.getEncoder().encodeToString("controller-test-secret-of-32-bytes!!".getBytes());

  private Tokens() {}

  static String bearer(String secret, String role, Duration validFor) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("ana").issuer("prontuario-edge")
          .claim("roles", List.of(role)).expirationTime(Date.from(Instant.now().plus(validFor))).build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(Base64.getDecoder().decode(secret)));
      return "Bearer " + jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static String itOps() {
    return bearer(SECRET, "it-ops", Duration.ofMinutes(5));
  }
}
