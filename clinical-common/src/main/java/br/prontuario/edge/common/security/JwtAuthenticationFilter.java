package br.prontuario.edge.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <jwt>}; anything else stays anonymous. */
public final class JwtAuthenticationFilter extends OncePerRequestFilter {

  static final String REJECTED = JwtAuthenticationFilter.class.getName() + ".rejected";
  private final JwtService jwt;

  public JwtAuthenticationFilter(JwtService jwt) {
    this.jwt = jwt;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      jwt.verify(header.substring(7).trim()).ifPresentOrElse(principal -> {
        List<SimpleGrantedAuthority> authorities = principal.roles().stream()
            .map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        SecurityContextHolder.getContext().setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
      }, () -> request.setAttribute(REJECTED, Boolean.TRUE));
    }
    chain.doFilter(request, response);
  }
}
