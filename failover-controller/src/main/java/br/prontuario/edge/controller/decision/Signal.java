package br.prontuario.edge.controller.decision;

/** One probe's verdict on one signal of one node (a timeout is a failure like any other). */
public record Signal(boolean ok, String detail) {

  public static Signal up() {
    return new Signal(true, "ok");
  }

  public static Signal failed(String detail) {
    return new Signal(false, detail);
  }
}
