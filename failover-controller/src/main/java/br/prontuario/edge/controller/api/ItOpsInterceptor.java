package br.prontuario.edge.controller.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards /api/**: every call needs an it-ops token. */
final class ItOpsInterceptor implements HandlerInterceptor {

  private final ItOpsTokenVerifier verifier;

  ItOpsInterceptor(ItOpsTokenVerifier verifier) {
    this.verifier = verifier;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    verifier.refusal(request.getHeader("Authorization")).ifPresent(r -> {
      throw new AccessRefusedException(r.status(), r.reason());
    });
    return true;
  }
}
