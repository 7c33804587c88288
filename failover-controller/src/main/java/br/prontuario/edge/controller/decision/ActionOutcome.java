package br.prontuario.edge.controller.decision;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How carrying out one {@link Action} went. The loop decides on these types (back off after a
 * failure, skip what must not follow a failed failback); the history records them, as JSON
 * {@code {"type": "done"|"failed"|"skipped"|"raised", ...}} for edgectl and as one line for people.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ActionOutcome.Done.class, name = "done"),
    @JsonSubTypes.Type(value = ActionOutcome.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = ActionOutcome.Skipped.class, name = "skipped"),
    @JsonSubTypes.Type(value = ActionOutcome.Raised.class, name = "raised")})
public sealed interface ActionOutcome {

  /** The adapter confirmed it; {@code detail} says what it did. */
  record Done(String detail) implements ActionOutcome {}

  /** The adapter could not do it (an expected failure: unreachable, refused); retried later. */
  record Failed(String detail) implements ActionOutcome {}

  /** Not attempted, because an earlier action of the same decision failed in a way that forbids it. */
  record Skipped(String reason) implements ActionOutcome {}

  /** An alert went out to IT staff. */
  record Raised() implements ActionOutcome {}
}
