package br.prontuario.edge.site.failback;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The failback rule, written once: merge the cloud's writes into the edge, move clinicians to the
 * edge, let the requests already at the cloud finish, merge again. Clinicians reach the edge only
 * after the first merge, so nothing written in the cloud is missing there; the second merge
 * catches what arrived in between. The failover controller ({@code Actuator}) and edgectl
 * ({@code CloudFailback}) both run it; they differ only in how they route, the {@code route} step.
 */
public final class FailbackSequence {

  /** Clients give a request 2 s; a write at the cloud when its path closed is done by then. */
  static final Duration IN_FLIGHT_DRAIN = Duration.ofSeconds(3);

  private final CloudMerge merge;
  private final Duration drain;

  public FailbackSequence(CloudMerge merge) {
    this(merge, IN_FLIGHT_DRAIN);
  }

  FailbackSequence(CloudMerge merge, Duration drain) {
    this.merge = merge;
    this.drain = drain;
  }

  public FailbackOutcome run(Supplier<Routing> route) {
    MergeReply first = merge.merge();
    if (!first.ok()) {
      return new FailbackOutcome.NotMerged(first);
    }
    Routing routing = route.get();
    if (routing instanceof Routing.Refused refused) {
      return new FailbackOutcome.NotRouted(first, refused);
    }
    if (routing instanceof Routing.Moved) {
      // requests already at the cloud when its path closed still commit there
      pause(drain);
    }
    return new FailbackOutcome.RoutedBack(first, routing, merge.merge());
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
