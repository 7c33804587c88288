package br.prontuario.edge.node.inference.model;

/** The state of one model and a short, patient-free reason an operator can act on. */
public record ModelStatus(String name, ModelState state, String detail) {

  public boolean loaded() {
    return state == ModelState.LOADED;
  }
}
