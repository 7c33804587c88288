package br.prontuario.edge.ctl.secrets;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.ctl.controller.ControllerSwitchover;
import br.prontuario.edge.ctl.upgrade.WarmUpOption;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.rotation.RotationFiles;
import br.prontuario.edge.localcluster.rotation.SecretRotation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl rotate-secrets}: new passwords for every login of the cluster (apps, controllers,
 * Patroni, and the servers among themselves), a new JWT secret and new certificates for every
 * server and client, rolled through the running cluster ({@link SecretRotation}); an interrupted
 * rotation is finished by running the command again.
 */
@Command(name = "rotate-secrets", mixinStandardHelpOptions = true,
    description = {"New passwords for every login of the cluster (the apps' and owner's database",
        "roles, Patroni's superuser, replication and rewind roles, every Redis and Sentinel user,",
        "the passwords the servers send each other, Patroni's unsafe REST endpoints), a new JWT",
        "secret, and new keys and certificates (from the cluster's CA) for every server and",
        "client, without downtime: Redis takes both passwords, the apps' roles get theirs, each",
        "server loads its new certificate (the Kafka brokers restart one at a time), the failover",
        "controllers restart, Patroni's roles get theirs and Patroni reloads, the edge-nodes",
        "restart one at a time around a planned switchover, then the old Redis passwords go.",
        "Tokens signed with the old JWT secret stay good for an hour, so nobody is signed out.",
        "The demo clinician's password and the lab token are not rotated (a person's, and one",
        "the lab system must change with you).",
        "Run it again to finish a rotation that was interrupted.",
        "Exit 0 rotated, 1 not possible or interrupted, 2 bad input."})
public final class RotateSecretsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClusterOptions options;

  @Option(names = "--ready-timeout", paramLabel = "DURATION", defaultValue = "PT3M",
      description = "how long an edge-node may take to serve again, or a server to present"
          + " its new certificate (ISO-8601, default PT3M)")
  Duration readyTimeout;

  @Mixin WarmUpOption warmUp;

  @Override
  public Integer call() {
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new ParameterException(spec.commandLine(), "--ready-timeout must be positive");
    }
    Duration warmUp = this.warmUp.checked(spec);
    if (!Files.isRegularFile(ClusterSecrets.file(options.stateDir()))) {
      throw new ParameterException(spec.commandLine(), "no cluster in " + options.stateDir()
          + " (no secrets.json): start one with edgectl up" + options.dirHint());
    }
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress = line -> {
      out.println("rotate-secrets: " + line);
      out.flush();
    };
    Optional<ClusterSecrets> interrupted = RotationFiles.interrupted(options.stateDir());
    ClusterSecrets retired;
    if (interrupted.isPresent()) {
      progress.accept("finishing the rotation that was interrupted");
      retired = interrupted.get();
    } else {
      SecretRotation.checkWhole(options.existingCluster());
      retired = RotationFiles.begin(options.stateDir());
    }
    EdgeCluster cluster = options.existingCluster(); // with the new secrets
    NodeName active;
    try {
      active = new SecretRotation(cluster, retired, ClusterOptions.repositoryRoot(),
          ControllerSwitchover.of(cluster), readyTimeout, warmUp, progress).run();
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage() + " — the rotation is unfinished (Redis may"
          + " still take both passwords); run edgectl rotate-secrets" + options.dirHint()
          + " again to finish it", e);
    }
    RotationFiles.finish(options.stateDir());
    // cluster.json no longer offers the replaced Patroni password
    options.existingCluster().descriptor().write(options.stateDir());
    out.println("rotated: every database, Redis and Sentinel password is new, the old ones refused;"
        + " tokens are signed with a new JWT secret; Patroni takes only its new REST password;"
        + " every server presents a new certificate;"
        + " active node " + active.id());
    out.flush();
    return 0;
  }
}
