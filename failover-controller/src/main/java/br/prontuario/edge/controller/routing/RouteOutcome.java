package br.prontuario.edge.controller.routing;

/** Whether a routing change took effect; a failed one is retried on the next round. */
public record RouteOutcome(boolean ok, String detail) {

  static RouteOutcome done(String detail) {
    return new RouteOutcome(true, detail);
  }

  static RouteOutcome failed(String detail) {
    return new RouteOutcome(false, detail);
  }
}
