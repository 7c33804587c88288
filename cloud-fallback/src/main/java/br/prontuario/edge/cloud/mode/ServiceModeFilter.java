package br.prontuario.edge.cloud.mode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Sets the mode header before anything else runs, so errors and rejections carry it too. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ServiceModeFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    response.setHeader(ServiceMode.HEADER, ServiceMode.EMERGENCY);
    chain.doFilter(request, response);
  }
}
