package br.prontuario.edge.common.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The authenticated caller as read from a verified access token. */
public record ClinicalPrincipal(String username, Set<Role> roles) {

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The role recorded in audit rows: the first by enum order, deterministic. */
  public String auditRole() {
    return roles.stream().sorted().map(Role::claim).findFirst().orElse("none");
  }

  public static Optional<ClinicalPrincipal> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof ClinicalPrincipal p
        ? Optional.of(p)
        : Optional.empty();
  }

  public static ClinicalPrincipal require() {
    return current().orElseThrow(() -> new IllegalStateException("no authenticated principal"));
  }
}
