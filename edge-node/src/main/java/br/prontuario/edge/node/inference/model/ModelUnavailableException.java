package br.prontuario.edge.node.inference.model;

import br.prontuario.edge.common.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A request needs a model that is not LOADED: its feature answers 503 naming the model (rendered
 * by the one problem advice, with {@code model} and {@code modelState}).
 */
public final class ModelUnavailableException extends ApiProblem {

  private final ModelStatus status;

  public ModelUnavailableException(ModelStatus status) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "Model unavailable",
        "The '" + status.name() + "' model is " + status.state() + "; this feature is off, the rest of the API works.");
    getBody().setProperty("model", status.name());
    getBody().setProperty("modelState", status.state().name());
    this.status = status;
  }

  public ModelStatus status() {
    return status;
  }
}
