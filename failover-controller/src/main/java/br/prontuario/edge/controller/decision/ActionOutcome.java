package br.prontuario.edge.controller.decision;

/**
 * How carrying out one {@link Action} went. The loop decides on these types (back off after a
 * failure, skip what must not follow a failed failback); the history records a rendering of them.
 */
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
