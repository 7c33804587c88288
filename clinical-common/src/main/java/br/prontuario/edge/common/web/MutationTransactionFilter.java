package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.DatabaseOutage;
import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * PUT/PATCH/DELETE under /api/v1 run in one transaction with their audit rows; any non-2xx
 * outcome rolls everything back, so a rejected update writes nothing. (POSTs get the same from
 * the idempotency filter.)
 */
@Component
@Order(1)
public class MutationTransactionFilter extends OncePerRequestFilter {

  private static final Set<String> MUTATIONS = Set.of("PUT", "PATCH", "DELETE");
  private final TransactionTemplate transactions;
  private final ProblemWriter problems;

  public MutationTransactionFilter(TransactionTemplate transactions, ProblemWriter problems) {
    this.transactions = transactions;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !MUTATIONS.contains(request.getMethod())
        || !request.getRequestURI().startsWith("/api/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    Exception failure;
    try {
      failure = transactions.execute(tx -> handle(request, captured, chain, tx));
    } catch (RuntimeException e) {
      if (!DatabaseOutage.isTransient(e)) {
        throw e;
      }
      problems.writeDatabaseUnavailable(request, response);
      return;
    }
    if (failure instanceof ServletException se) {
      throw se;
    }
    if (failure instanceof IOException io) {
      throw io;
    }
    captured.copyBodyToResponse();
  }

  /** Runs the request inside the transaction; a non-2xx outcome marks it for rollback. */
  private static Exception handle(HttpServletRequest request,
      ContentCachingResponseWrapper captured, FilterChain chain, TransactionStatus tx) {
    try {
      chain.doFilter(request, captured);
    } catch (IOException | ServletException e) {
      tx.setRollbackOnly();
      return e;
    }
    int status = captured.getStatus();
    if (status < 200 || status >= 300) {
      tx.setRollbackOnly();
    }
    return null;
  }
}
