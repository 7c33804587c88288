package br.prontuario.edge.controller.api;

/** An operator request the controller refuses on purpose (409), e.g. switchover to a lagging node. */
final class RejectedException extends RuntimeException {

  RejectedException(String reason) {
    super(reason);
  }
}
