package br.prontuario.edge.node.inference.model;

/** A request needs a model that is not LOADED: its feature answers 503 naming the model. */
public final class ModelUnavailableException extends RuntimeException {

  private final ModelStatus status;

  public ModelUnavailableException(ModelStatus status) {
    super("model '" + status.name() + "' is " + status.state());
    this.status = status;
  }

  public ModelStatus status() {
    return status;
  }
}
