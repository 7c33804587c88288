package br.prontuario.edge.controller.patroni;

import br.prontuario.edge.controller.decision.PgRole;

/** What one node's Patroni says about its own PostgreSQL ({@code GET /patroni}). */
public record PatroniNodeStatus(String state, PgRole role, long timeline) {

  public boolean running() {
    return "running".equals(state);
  }
}
