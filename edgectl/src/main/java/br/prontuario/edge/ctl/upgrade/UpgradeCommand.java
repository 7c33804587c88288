package br.prontuario.edge.ctl.upgrade;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.ctl.controller.ControllerSwitchover;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.upgrade.EdgeNodeJar;
import br.prontuario.edge.localcluster.upgrade.NodeUpgrade;
import br.prontuario.edge.localcluster.upgrade.AppJarUpgrade;
import br.prontuario.edge.localcluster.upgrade.PostgresBinaries;
import br.prontuario.edge.localcluster.upgrade.PostgresMinorUpgrade;
import br.prontuario.edge.localcluster.upgrade.RollingUpgrade;
import br.prontuario.edge.localcluster.upgrade.RollingUpgrade.RolledBack;
import br.prontuario.edge.localcluster.upgrade.RollingUpgrade.Upgraded;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl upgrade --app JAR} and {@code edgectl upgrade --postgres-minor [--bin-dir DIR]}:
 * both nodes onto a new edge-node jar or new PostgreSQL minor binaries, one at a time, with a
 * planned switchover between them, rolled back by itself when a node does not come back.
 */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
    description = {"Rolling upgrade of edge-node (--app) or of PostgreSQL's minor version",
        "(--postgres-minor): the standby's node first, a planned switchover, then the other node.",
        "A node not back on the new version in time returns to its old one, and so does the other.",
        "Exit 0 upgraded, 1 rolled back or not possible, 2 bad input."})
public final class UpgradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions options;

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  static final class What {
    @Option(names = "--app", paramLabel = "JAR",
        description = "the new edge-node jar (e.g. a rebuilt edge-node/target/edge-node-*.jar)")
    Path jar;

    @Option(names = "--postgres-minor",
        description = "restart PostgreSQL on new minor-version binaries, node by node, via Patroni")
    boolean postgresMinor;
  }

  @Option(names = "--bin-dir", paramLabel = "DIR",
      description = {"with --postgres-minor: the folder of the new binaries (default: the one",
          "the nodes use, for binaries the package manager replaced in place)"})
  Path binDir;

  @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "PT3M",
      description = "how long a node may take to serve again on the new version (ISO-8601, default PT3M)")
  Duration readyTimeout;

  @Mixin WarmUpOption warmUp;

  @Override
  public Integer call() {
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--ready-timeout must be positive");
    }
    Duration warmUp = this.warmUp.checked(spec);
    if (binDir != null && !what.postgresMinor) {
      throw new ParameterException(spec.commandLine(), "--bin-dir goes with --postgres-minor");
    }
    // bad input needs no cluster to say so
    try {
      if (what.jar != null) {
        EdgeNodeJar.check(what.jar.toAbsolutePath());
      } else if (binDir != null) {
        PostgresBinaries.probe(binDir.toAbsolutePath());
      }
    } catch (IllegalArgumentException badInput) {
      throw new ParameterException(spec.commandLine(), badInput.getMessage());
    }
    EdgeCluster cluster = options.existingCluster();
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress = line -> {
      out.println("upgrade: " + line);
      out.flush();
    };
    RollingUpgrade rolling = new RollingUpgrade(cluster, ControllerSwitchover.of(cluster), progress);
    if (what.jar != null) {
      Path jar = what.jar.toAbsolutePath();
      AppJarUpgrade app = new AppJarUpgrade(cluster, jar, readyTimeout, warmUp, progress);
      return report(rolling.run(app), app, jar.getFileName().toString(), "their old jars");
    }
    Path dir = binDir != null ? binDir.toAbsolutePath() : cluster.postgresBinDir(
        cluster.leader().orElseThrow(() ->
            new IllegalStateException("no PostgreSQL leader: upgrade a whole cluster only")));
    try {
      PostgresMinorUpgrade postgres = new PostgresMinorUpgrade(cluster, dir, readyTimeout);
      return report(rolling.run(postgres), postgres, "PostgreSQL "
          + PostgresBinaries.display(postgres.targetVersion()) + " from " + dir,
          "their old binaries");
    } catch (IllegalArgumentException badBinaries) {
      throw new ParameterException(spec.commandLine(), badBinaries.getMessage());
    }
  }

  private int report(RollingUpgrade.Outcome outcome, NodeUpgrade upgrade, String version,
      String old) {
    if (outcome instanceof Upgraded done) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("upgraded: both nodes run " + version + "; active node " + done.active().id());
      out.flush();
      return 0;
    }
    RolledBack back = (RolledBack) outcome;
    PrintWriter err = spec.commandLine().getErr();
    err.println("edgectl: upgrade rolled back: " + back.node().id() + "'s " + upgrade.component()
        + " did not come back on " + version + ": " + back.reason() + "; both nodes run " + old);
    err.flush();
    return 1;
  }
}
