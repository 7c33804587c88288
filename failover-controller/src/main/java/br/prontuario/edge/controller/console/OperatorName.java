package br.prontuario.edge.controller.console;

import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;

/**
 * The operator behind a request: the subject of the it-ops token that the API's interceptor has
 * already verified (signature, issuer, expiry, role) before any console endpoint runs.
 */
final class OperatorName {

  private OperatorName() {}

  static String of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    try {
      String subject = SignedJWT.parse(header.substring("Bearer ".length()).trim()).getJWTClaimsSet().getSubject();
      return subject == null || subject.isBlank() ? "unknown" : subject;
    } catch (ParseException | RuntimeException e) {
      return "unknown";
    }
  }
}
