package br.prontuario.edge.ctl.cloud;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cloud.FailbackResult;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl failback}: once the edge has a primary again, route clinicians back to it, merge
 * every cloud write since the fork point into the edge (idempotent, audited), re-seed the cloud
 * standby from the edge and write a JSON report. A second run merges nothing.
 */
@Command(name = "failback", mixinStandardHelpOptions = true,
    description = "Bring emergency writes home to the edge and make the cloud a standby again.")
public final class FailbackCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Override
  public Integer call() {
    EdgeCluster cluster = options.existingCluster();
    PrintWriter out = spec.commandLine().getOut();
    FailbackResult result = CloudSite.failback(cluster, Duration.ofMinutes(3));
    if (result instanceof FailbackResult.Stopped stopped) {
      throw new IllegalStateException(stopped.reason());
    }
    if (result instanceof FailbackResult.NothingToFailBack nothing) {
      out.println("nothing to fail back: this activation was already merged and the cloud follows"
          + " the edge");
      out.println("report: " + nothing.report());
    } else {
      FailbackResult.FailedBack done = (FailbackResult.FailedBack) result;
      done.recordedFork().ifPresent(fork -> out.printf("fork point recorded (the controller had"
          + " activated the cloud): timeline %d, newest edge heartbeat %s%n", fork.timeline(),
          fork.lastEdgeHeartbeat()));
      out.println("failback done: cloud writes merged into the edge, clinicians routed to the edge,"
          + " cloud re-seeded as a standby");
      out.println("report: " + done.report());
    }
    out.flush();
    return 0;
  }
}
