package br.prontuario.edge.common.security;

import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as problem+json. */
@Component
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final ProblemWriter problems;

  public ProblemSecurityHandlers(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
      AuthenticationException authException) throws IOException {
    String detail = request.getAttribute(JwtAuthenticationFilter.REJECTED) != null
        ? "The access token is invalid or expired."
        : "An access token is required (Authorization: Bearer ...).";
    response.setHeader("WWW-Authenticate", "Bearer");
    problems.write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      AccessDeniedException accessDeniedException) throws IOException {
    problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden",
        "Your role may not use this endpoint.");
  }
}
