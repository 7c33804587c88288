package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.site.activation.ForkPoint;
import br.prontuario.edge.site.failback.MergeReport;
import java.nio.file.Path;
import java.util.Optional;

/** How one {@link CloudFailback#run} ended; only {@link FailedBack} wiped and re-seeded the cloud copy. */
public sealed interface FailbackResult {

  /** The cloud follows the edge already: the report ({@code report}) says so, nothing was merged. */
  record NothingToFailBack(Path report) implements FailbackResult {}

  /**
   * Merged, routed to the edge, drained, nothing new on the last merge, cloud re-seeded.
   *
   * @param merged cloud-fallback's report of the first merge (record ids: not for logs)
   * @param recordedFork the fork point failback had to record first, when the failover
   *     controller had promoted the cloud (it writes no fork point here)
   */
  record FailedBack(Path report, MergeReport merged, Optional<ForkPoint> recordedFork)
      implements FailbackResult {}

  /** Stopped before anything was wiped (no edge primary, a refused merge or routing, writes still arriving); run it again. */
  record Stopped(String reason) implements FailbackResult {}
}
