package br.prontuario.edge.controller.console;

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

/** Access tokens as edge-node signs them, for a named user with one role. */
final class ConsoleTokens {

  private ConsoleTokens() {}

  static String bearer(String secret, String user, String role) {
    try {
      JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(user).issuer("prontuario-edge")
          .claim("roles", List.of(role)).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
          .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
      jwt.sign(new MACSigner(Base64.getDecoder().decode(secret)));
      return "Bearer " + jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
