package br.prontuario.edge.controller.patroni;

/** Patroni's answer to a switchover or failover request; refusals are expected outcomes. */
public record PatroniReply(boolean accepted, int status, String message) {

  static PatroniReply unreachable(String detail) {
    return new PatroniReply(false, 0, "unreachable: " + detail);
  }
}
