package br.prontuario.edge.controller.api;

/** An operator request the controller refuses on purpose (409), e.g. switchover to a lagging node. */
public final class RejectedException extends RuntimeException {

  public RejectedException(String reason) {
    super(reason);
  }
}
