package br.prontuario.edge.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The security set-up every clinical app shares: stateless bearer tokens, problem+json 401/403,
 * no sessions, no CSRF (no cookies). The app adds its own explicit per-endpoint role rules.
 */
public final class ClinicalSecurity {

  private ClinicalSecurity() {}

  public static HttpSecurity apply(HttpSecurity http, JwtService jwt,
      ProblemSecurityHandlers handlers) throws Exception {
    return http
        .csrf(c -> c.disable())
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .logout(l -> l.disable())
        .requestCache(r -> r.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .exceptionHandling(e -> e.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
        .addFilterBefore(new JwtAuthenticationFilter(jwt),
            UsernamePasswordAuthenticationFilter.class);
  }
}
