package br.prontuario.edge.node.inference.model;

import java.time.Duration;

/** The model is loaded but saturated: its queue is full (429) or the wait timed out (503). */
public final class InferenceRejectedException extends RuntimeException {

  public enum Reason {
    QUEUE_FULL,
    TIMED_OUT
  }

  private final String model;
  private final Reason reason;
  private final Duration retryAfter;

  public InferenceRejectedException(String model, Reason reason, Duration retryAfter) {
    super(reason == Reason.QUEUE_FULL
        ? "model '" + model + "' is busy: its queue is full"
        : "model '" + model + "' did not answer in time");
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
