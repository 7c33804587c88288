package br.prontuario.edge.node.inference.model;

import br.prontuario.edge.common.problem.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** The model is loaded but saturated: its queue is full (429) or the wait timed out (503), with Retry-After. */
public final class InferenceRejectedException extends ApiProblem {

  public enum Reason {
    QUEUE_FULL,
    TIMED_OUT
  }

  private final String model;
  private final Reason reason;
  private final Duration retryAfter;

  public InferenceRejectedException(String model, Reason reason, Duration retryAfter) {
    super(reason == Reason.QUEUE_FULL ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE,
        reason == Reason.QUEUE_FULL ? "Model busy" : "Model timed out",
        (reason == Reason.QUEUE_FULL ? "model '" + model + "' is busy: its queue is full"
            : "model '" + model + "' did not answer in time") + "; retry later.");
    getBody().setProperty("model", model);
    withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    this.model = model;
    this.reason = reason;
    this.retryAfter = retryAfter;
  }

  public String model() {
    return model;
  }

  public Reason reason() {
    return reason;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
