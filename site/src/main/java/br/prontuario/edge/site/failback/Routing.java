package br.prontuario.edge.site.failback;

/**
 * The one step of failback that differs between its two callers: how clinicians are moved from
 * the cloud to the edge (the controller through its {@code Router}, edgectl through the entry
 * HAProxy's runtime API). What that step reports back to {@link FailbackSequence}.
 */
public sealed interface Routing {

  /** Clinicians now reach the edge; {@code cloudClosed} false = the cloud's path is still open. */
  record Moved(String detail, boolean cloudClosed) implements Routing {}

  /** The router refused: clinicians stay on the cloud. */
  record Refused(String detail) implements Routing {}

  /** No entry point to move (tests without an entry HAProxy): nothing to drain either. */
  record None() implements Routing {}
}
