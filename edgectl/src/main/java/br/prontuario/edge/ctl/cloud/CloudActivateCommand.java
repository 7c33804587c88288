package br.prontuario.edge.ctl.cloud;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.localcluster.cloud.CloudDataPlane;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.ForkPoint;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl cloud activate}: by hand, what the controller does when both nodes are down —
 * promote the cloud standby (Patroni PATCH /config), route clinicians to cloud-fallback through
 * HAProxy's backup server, record the fork point in DIR/cloud/fork-point.json.
 */
@Command(name = "activate", mixinStandardHelpOptions = true,
    description = "Promote the cloud standby and route clinicians to the emergency deployment.")
public final class CloudActivateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Override
  public Integer call() {
    EdgeCluster cluster = options.existingCluster();
    CloudDataPlane cloud = CloudSite.dataPlane(cluster);
    boolean recorded = ForkPoint.isRecorded(cloud.dir());
    // promoted by the controller: route (again) and record the fork point failback needs
    if (cloud.isPrimary() && recorded) {
      throw new IllegalStateException("the cloud is already active (its database is a primary);"
          + " see " + cloud.dir().resolve(ForkPoint.FILE));
    }
    if (!cloud.isPrimary() && !cloud.isStandby()) {
      throw new IllegalStateException("no cloud standby is running in " + cloud.dir()
          + " (start the cluster with bin/edgectl up)");
    }
    ActivationOutcome outcome = CloudSite.activate(cluster);
    if (outcome instanceof ActivationOutcome.NotPromoted notPromoted) {
      throw new IllegalStateException(notPromoted.detail());
    }
    if (outcome instanceof ActivationOutcome.NotRouted notRouted) {
      throw new IllegalStateException("the cloud is promoted but clinicians were not routed to it: "
          + notRouted.routing().detail() + "; run bin/edgectl cloud activate again");
    }
    // edgectl's activation records the fork point: it is always there
    ForkPoint fork = ((ActivationOutcome.Activated) outcome).fork().orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("cloud activated in %.2f s: emergency mode serves through %s%n",
        fork.activationSeconds(), cluster.layout().entrypoint());
    out.printf("fork point: LSN %s, timeline %d, newest edge heartbeat %s (%s s before promotion)%n",
        fork.lastReplayedLsn(), fork.timeline(), fork.lastEdgeHeartbeat(),
        fork.heartbeatAgeAtPromotion());
    out.printf("recorded in %s; when the edge is back: bin/edgectl failback%n",
        cloud.dir().resolve(ForkPoint.FILE));
    out.flush();
    return 0;
  }
}
