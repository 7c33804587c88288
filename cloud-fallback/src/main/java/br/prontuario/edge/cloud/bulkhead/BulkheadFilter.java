package br.prontuario.edge.cloud.bulkhead;

import br.prontuario.edge.common.problem.ProblemWriter;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * Admits at most {@code cloud.bulkhead.max-concurrent-requests} API requests at a time, before
 * authentication so that an overload costs as little as possible. Probes and metrics bypass it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class BulkheadFilter extends OncePerRequestFilter {

  private final Bulkhead bulkhead;
  private final ProblemWriter problems;
  private final String retryAfterSeconds;
  private final Counter rejected;

  BulkheadFilter(Bulkhead bulkhead, ProblemWriter problems, BulkheadProperties properties,
      MeterRegistry meters) {
    this.bulkhead = bulkhead;
    this.problems = problems;
    this.retryAfterSeconds = Long.toString(Math.max(1, properties.retryAfter().toSeconds()));
    this.rejected = Counter.builder("cloud_api_requests_rejected_total")
        .description("API requests refused because the bulkhead was full").register(meters);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!bulkhead.tryAcquirePermission()) {
      rejected.increment();
      response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
      problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Emergency capacity full",
          "Emergency mode serves a limited number of requests at once; retry shortly.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      bulkhead.onComplete();
    }
  }
}
