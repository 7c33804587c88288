package br.prontuario.edge.site.failback;

/** How {@link FailbackSequence#run} ended. */
public sealed interface FailbackOutcome {

  /** The first merge failed: nothing was routed, clinicians stay on the cloud. */
  record NotMerged(MergeReply first) implements FailbackOutcome {}

  /** Merged, but the routing step refused: clinicians stay on the cloud. */
  record NotRouted(MergeReply first, Routing.Refused routing) implements FailbackOutcome {}

  /**
   * Merged, routed, drained, merged again. Complete only if the cloud's path closed and the
   * second merge went through; otherwise what is left in the cloud waits for the next merge.
   */
  record RoutedBack(MergeReply first, Routing routing, MergeReply last) implements FailbackOutcome {

    public boolean complete() {
      boolean closed = !(routing instanceof Routing.Moved moved) || moved.cloudClosed();
      return closed && last.ok();
    }
  }
}
