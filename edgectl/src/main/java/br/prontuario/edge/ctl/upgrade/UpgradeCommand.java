package br.prontuario.edge.ctl.upgrade;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.ctl.controller.ControllerSwitchover;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.upgrade.EdgeNodeJar;
import br.prontuario.edge.localcluster.upgrade.RollingAppUpgrade;
import br.prontuario.edge.localcluster.upgrade.RollingAppUpgrade.RolledBack;
import br.prontuario.edge.localcluster.upgrade.RollingAppUpgrade.Upgraded;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl upgrade --app JAR}: both nodes' edge-node onto a new jar, one at a time, with a
 * planned switchover between them, rolled back by itself when the new jar is not ready.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Rolling upgrade of edge-node: the standby's node first, a planned switchover,",
        "then the other node. A node not ready on the new jar in time goes back to its old jar,",
        "and so does the other one. Exit 0 upgraded, 1 rolled back or not possible, 2 bad input."})
public final class UpgradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions options;

  @Option(names = "--app", required = true, paramLabel = "JAR",
      description = "the new edge-node jar (e.g. a rebuilt edge-node/target/edge-node-*.jar)")
  Path jar;

  @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "PT3M",
      description = "how long a node's new edge-node may take to be ready (ISO-8601, default PT3M)")
  Duration readyTimeout;

  @Override
  public Integer call() {
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--ready-timeout must be positive");
    }
    try {
      EdgeNodeJar.check(jar.toAbsolutePath());
    } catch (IllegalArgumentException notAnEdgeNodeJar) {
      throw new ParameterException(spec.commandLine(), notAnEdgeNodeJar.getMessage());
    }
    EdgeCluster cluster = options.existingCluster();
    PrintWriter out = spec.commandLine().getOut();
    // the controller moves the active role with the leader; a cluster without one, Patroni alone
    Consumer<NodeName> switchover = ClusterDescriptor.read(cluster.stateDir()).controllerUrl() != null
        ? node -> ControllerSwitchover.to(cluster.stateDir(), node.id())
        : cluster::patroniSwitchover;
    RollingAppUpgrade upgrade = new RollingAppUpgrade(cluster, switchover, readyTimeout,
        line -> {
          out.println("upgrade: " + line);
          out.flush();
        });
    RollingAppUpgrade.Outcome outcome = upgrade.upgrade(jar.toAbsolutePath());
    if (outcome instanceof Upgraded done) {
      out.println("upgraded: both nodes run " + jar.getFileName() + "; active node "
          + done.active().id());
      return 0;
    }
    RolledBack back = (RolledBack) outcome;
    PrintWriter err = spec.commandLine().getErr();
    err.println("edgectl: upgrade rolled back: " + back.node().id() + " was not ready on "
        + jar.getFileName() + ": " + back.reason() + "; both nodes run their old jars");
    err.flush();
    return 1;
  }
}
