package br.prontuario.edge.controller.api;

/** A request without a valid it-ops token; becomes a 401/403 problem. */
final class AccessRefusedException extends RuntimeException {

  private final int status;

  AccessRefusedException(int status, String reason) {
    super(reason);
    this.status = status;
  }

  int status() {
    return status;
  }
}
