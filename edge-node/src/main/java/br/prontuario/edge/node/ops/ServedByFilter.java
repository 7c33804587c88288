package br.prontuario.edge.node.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the node that answered in {@code X-Edge-Node} (node-a, node-b; no patient data): behind
 * the entry HAProxies a client cannot otherwise tell, and the partition drills must know whether a
 * write was acknowledged by a node cut off from the others.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServedByFilter extends OncePerRequestFilter {

  static final String HEADER = "X-Edge-Node";

  private final NodeProperties node;

  ServedByFilter(NodeProperties node) {
    this.node = node;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    response.setHeader(HEADER, node.name());
    chain.doFilter(request, response);
  }
}
