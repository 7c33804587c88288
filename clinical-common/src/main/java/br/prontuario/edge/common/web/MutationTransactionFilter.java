package br.prontuario.edge.common.web;

import br.prontuario.edge.common.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PUT/PATCH/DELETE under /api/v1 run in one transaction with their audit rows; any non-2xx
 * outcome rolls everything back, so a rejected update writes nothing. (POSTs get the same
 * {@link RequestTransaction} from the idempotency filter.)
 */
@Component
@Order(1)
public class MutationTransactionFilter extends OncePerRequestFilter {

  private static final Set<String> MUTATIONS = Set.of("PUT", "PATCH", "DELETE");
  private final RequestTransaction transaction;

  public MutationTransactionFilter(TransactionTemplate transactions, ProblemWriter problems,
      DatabaseOutageHold hold) {
    this.transaction = new RequestTransaction(transactions, problems, hold);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !MUTATIONS.contains(request.getMethod())
        || !request.getRequestURI().startsWith("/api/v1/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    transaction.handle(request, response, chain);
  }
}
