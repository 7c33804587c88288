package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import br.prontuario.edge.drill.bench.ApiBench;
import br.prontuario.edge.drill.bench.BenchUser;
import br.prontuario.edge.localcluster.cloud.CloudDataPlane;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.CloudRouting;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl bench cloud}: the clinicians' mix against the emergency deployment. The bench
 * logins are written on the edge while the cloud is still a standby, the command waits until the
 * cloud has replayed them, then promotes the cloud database without routing anyone there (the
 * edge keeps serving the clinicians and the controller sees no emergency to resolve) and runs the
 * mix at cloud-fallback itself. The cloud stays promoted: {@code edgectl failback} afterwards
 * merges what the bench wrote and re-seeds the standby.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true,
    description = "The clinicians' mix against an activated cloud-fallback (emergency mode).")
public final class BenchCloudCommand implements Callable<Integer> {

  private static final Duration REPLAY_PATIENCE = Duration.ofSeconds(60);

  @Spec CommandSpec spec;
  @Mixin ClusterOptions options;

  @Option(names = "--clinicians", defaultValue = "50", description = "virtual clinicians (1-200), default 50")
  int clinicians;

  @Option(names = "--think", defaultValue = "1s", description = "mean think time (1s, 500ms, 0), default 1s")
  String think;

  @Option(names = "--minutes", defaultValue = "2", description = "measured minutes (1-60), default 2")
  int minutes;

  @Option(names = "--warmup-seconds", defaultValue = "20", description = "not measured, default 20")
  int warmupSeconds;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (clinicians < 1 || clinicians > 200 || minutes < 1 || minutes > 60 || warmupSeconds < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--clinicians must be 1-200, --minutes 1-60 and --warmup-seconds >= 0");
    }
    Duration thinkTime = BenchApiCommand.parseThink(spec.commandLine(), think);
    EdgeCluster cluster = options.existingCluster();
    CloudDataPlane cloud = CloudSite.dataPlane(cluster);
    if (cloud.isPrimary()) {
      throw new IllegalStateException("the cloud database is already a primary: it has only the"
          + " logins it had when promoted; run bin/edgectl failback" + dirHint() + " first");
    }
    if (!cloud.isStandby()) {
      throw new IllegalStateException("no cloud standby is running in " + cloud.dir()
          + " (start the cluster with bin/edgectl up)");
    }
    PrintWriter err = spec.commandLine().getErr();
    BenchDatabase edge = new BenchDatabase(cluster.descriptor().database());
    List<BenchUser> users = edge.clinicians(clinicians);
    String written = edge.currentWalLsn();
    err.println("bench cloud: " + clinicians + " logins written on the edge (LSN " + written
        + "); waiting for the cloud standby to replay them");
    err.flush();
    String database = cluster.config().postgres().database();
    awaitReplayed(cloud, database, written);
    ActivationOutcome outcome = cloud.activation(database, Clock.systemUTC())
        .activate(CloudRouting.None::new, Duration.ofSeconds(60));
    if (!(outcome instanceof ActivationOutcome.Activated)) {
      throw new IllegalStateException("the cloud was not activated: " + outcome);
    }
    err.println("bench cloud: the cloud database is promoted; cloud-fallback at "
        + CloudSite.appUrl(cluster) + " (clinicians stay on the edge)");
    err.flush();
    Path work = cluster.stateDir().resolve("bench");
    Files.createDirectories(work);
    ApiBench.Report report = new ApiBench(new ApiBench.Settings(URI.create(CloudSite.appUrl(cluster)),
        cluster.tls().caCertificate(), users, thinkTime, Duration.ofSeconds(warmupSeconds),
        Duration.ofMinutes(minutes), 0, 0, BenchApiCommand.apiLoadTarget(), work, Map.of(), true,
        "as replicated"),
        line -> {
          err.println("bench cloud: " + line);
          err.flush();
        }).run(null);
    String asJson = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
        .writeValueAsString(report);
    Path file = work.resolve("cloud-" + Instant.now().toString().replace(':', '-') + ".json");
    Files.writeString(file, asJson + "\n");
    spec.commandLine().getOut().println(json ? asJson : ApiBench.text(report) + "report: " + file
        + "\nthe cloud stays promoted: bin/edgectl failback" + dirHint()
        + " merges the bench's notes into the edge and re-seeds the standby");
    return 0;
  }

  private void awaitReplayed(CloudDataPlane cloud, String database, String lsn)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + REPLAY_PATIENCE.toNanos();
    while (true) {
      try (Connection c = cloud.connect(database);
          PreparedStatement s = c.prepareStatement("SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn")) {
        s.setString(1, lsn);
        try (ResultSet r = s.executeQuery()) {
          if (r.next() && r.getBoolean(1)) {
            return;
          }
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the cloud standby did not replay LSN " + lsn + " within "
            + REPLAY_PATIENCE.toSeconds() + " s: is it streaming? (bin/edgectl status" + dirHint() + ")");
      }
      Thread.sleep(500);
    }
  }

  private String dirHint() {
    return options.dirHint();
  }
}
