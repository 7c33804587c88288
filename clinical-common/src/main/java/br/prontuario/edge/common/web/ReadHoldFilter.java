package br.prontuario.edge.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Reads under /api/v1 that meet a switchover or failover are held and read again, like writes in
 * {@link RequestTransaction}: a read the problem advice answered 503 for a lost database is run
 * again on a fresh buffered response until the new primary answers or the
 * {@link DatabaseOutageHold} runs out. No transaction (a read writes only its audit row): should a
 * failed attempt's audit row have got in before the failure, the log shows the read attempted
 * twice, which it was.
 */
@Component
@Order(1)
public class ReadHoldFilter extends OncePerRequestFilter {

  private final DatabaseOutageHold hold;

  public ReadHoldFilter(DatabaseOutageHold hold) {
    this.hold = hold;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    long deadline = hold.deadline();
    for (int attempt = 1; ; attempt++) {
      ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
      chain.doFilter(request, captured);
      if (!DatabaseOutageHold.answeredOutage(request) || !hold.pauseBeforeRetry(deadline)) {
        captured.copyBodyToResponse();
        DatabaseOutageHold.logHeld(request, attempt);
        return;
      }
      DatabaseOutageHold.clearFailedAttempt(request, response);
    }
  }
}
