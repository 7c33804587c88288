package br.prontuario.edge.common.security;

import java.util.Arrays;
import java.util.Optional;

/** The five roles of the contract; {@link #claim()} is the value in the JWT's roles array. */
public enum Role {
  PHYSICIAN("physician"),
  NURSE("nurse"),
  ADMIN("admin"),
  AUDITOR("auditor"),
  IT_OPS("it-ops");

  private final String claim;

  Role(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  /** The Spring Security authority, e.g. ROLE_IT_OPS. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> fromClaim(String claim) {
    return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst();
  }
}
