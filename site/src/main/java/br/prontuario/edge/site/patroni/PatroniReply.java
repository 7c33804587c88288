package br.prontuario.edge.site.patroni;

/**
 * Patroni's answer to a switchover, failover or configuration change; refusals are expected
 * outcomes. {@code status} 0 means Patroni did not answer at all.
 */
public record PatroniReply(boolean accepted, int status, String message) {

  static PatroniReply unreachable(String detail) {
    return new PatroniReply(false, 0, "unreachable: " + detail);
  }
}
