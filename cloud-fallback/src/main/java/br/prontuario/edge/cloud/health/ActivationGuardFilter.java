package br.prontuario.edge.cloud.health;

import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before activation the API answers 503: a read would show data without being audited (the
 * standby is read-only) and a write cannot happen. The replication ops endpoint stays open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class ActivationGuardFilter extends OncePerRequestFilter {

  private final DatabaseRole role;
  private final ProblemWriter problems;

  ActivationGuardFilter(DatabaseRole role, ProblemWriter problems) {
    this.role = role;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !path.startsWith("/api/") || path.startsWith("/api/v1/ops/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    DatabaseRole.Role current = role.current();
    if (current != DatabaseRole.Role.PRIMARY) {
      response.setHeader(HttpHeaders.RETRY_AFTER, "30");
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Emergency mode not active",
          current == DatabaseRole.Role.STANDBY
              ? "The cloud fallback has not been activated; use the hospital's servers."
              : "The emergency database is unreachable.");
      return;
    }
    chain.doFilter(request, response);
  }
}
