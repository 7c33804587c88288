package br.prontuario.edge.controller.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import br.prontuario.edge.drill.load.AckedWrite;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.load.LoadGenerator;
import br.prontuario.edge.drill.load.LoadPlan;
import br.prontuario.edge.drill.load.LoadResult;
import br.prontuario.edge.drill.load.NoteVerifier;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cloud.FailbackResult;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.controller.FailoverControllerProcess;
import br.prontuario.edge.site.haproxy.HaproxyRuntimeApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real local cluster (etcd x3, Patroni/PostgreSQL x2, Redis + Sentinels, HAProxy, two
 * edge-nodes, the cloud site) watched by two failover-controller replicas, shared by every
 * scenario IT through {@link ControllerClusterExtension}. Probes every 2 s (the seed's 5 s would
 * only make the suite slower), 3 failures, 1.5 s timeout.
 */
final class ControllerCluster implements AutoCloseable {

  static final Duration MOVE = Duration.ofSeconds(90);
  /**
   * Bringing the cluster back between scenarios is set-up, not a measured move: after an
   * emergency it includes both nodes' start-up and the controller's failback, which took over 90 s
   * once in a full CI run (the same two scenarios alone: 79 s).
   */
  static final Duration RESTORE = Duration.ofMinutes(3);
  private static final Map<String, String> FAST_PROBES = Map.of(
      "edge.controller.probe.interval", "2s",
      "edge.controller.probe.timeout", "1500ms",
      "edge.controller.probe.failure-threshold", "3",
      "edge.controller.probe.switchover-cooldown", "20s",
      "edge.controller.election.lease-ttl", "8s");

  final EdgeCluster cluster;
  final ControllerApiClient first;
  final ControllerApiClient second;
  private final Path state;
  private boolean keepLogs;

  private ControllerCluster(EdgeCluster cluster, Path state, ControllerApiClient first,
      ControllerApiClient second) {
    this.cluster = cluster;
    this.state = state;
    this.first = first;
    this.second = second;
  }

  static ControllerCluster start() throws IOException {
    Path repo = Path.of(System.getProperty("user.dir")).getParent();
    // short on purpose: PostgreSQL's Unix socket path (DIR/node-a/patroni/run/.s.PGSQL.N) must
    // stay < 108 bytes
    Path state = Files.createTempDirectory("edge-e2e-");
    EdgeCluster cluster = EdgeCluster.at(state, ClusterConfigLoader.loadFromRepository(repo), repo);
    try {
      cluster.start();
      CloudSite.start(cluster, repo, Duration.ofSeconds(180));
      Map<String, String> settings = new HashMap<>(FAST_PROBES);
      settings.putAll(CloudSite.controllerSettings(cluster));
      settings.put("edge.console.edgectl", edgectl(repo, state).toString());
      return new ControllerCluster(cluster, state, controller(cluster, repo, settings, 1),
          controller(cluster, repo, settings, 2));
    } catch (RuntimeException | IOException e) {
      cluster.stop(); // nothing left running; the folder keeps the logs
      throw e;
    }
  }

  /**
   * The console's edgectl: the packaged jar run as {@code bin/edgectl} runs it at its end. Not
   * {@code bin/edgectl} itself: its rebuild check would run Maven under the test whenever a source
   * is newer than its stamp, and this IT runs after {@code package} has built the jar.
   */
  private static Path edgectl(Path repo, Path state) throws IOException {
    Path jar;
    try (Stream<Path> jars = Files.list(repo.resolve("edgectl/target"))) {
      jar = jars.filter(p -> p.getFileName().toString().matches("edgectl-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no edgectl jar: ./mvnw -pl failover-controller -am package"));
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path script = state.resolve("console-edgectl");
    Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -Dedge.home='" + repo + "' -jar '" + jar + "' \"$@\"\n");
    if (!script.toFile().setExecutable(true)) {
      throw new IllegalStateException("cannot make " + script + " executable");
    }
    return script;
  }

  private static ControllerApiClient controller(EdgeCluster cluster, Path repo,
      Map<String, String> settings, int replica) {
    String component = FailoverControllerProcess.COMPONENT + (replica == 1 ? "" : "-" + replica);
    String identity = "controller-" + replica;
    return new ControllerApiClient(identity, component, FailoverControllerProcess.launch(cluster,
        repo, component, identity, settings, Duration.ofSeconds(120)),
        cluster.descriptor().jwtSecret());
  }

  /**
   * Brings the cluster back to where every scenario starts: every process running and thawed
   * (controllers included: they are extras of the witness), one acting controller in NORMAL with
   * node-a the Patroni leader and the active node, node-b its sync standby, the cloud a standby.
   */
  void restore() {
    for (NodeName node : NodeName.values()) {
      cluster.thaw(node);
    }
    cluster.start(); // whatever a scenario killed; waits until the cluster serves
    ControllerApiClient acting = acting();
    await("NORMAL before the scenario").atMost(RESTORE).until(() -> "NORMAL".equals(acting.state()));
    if (!cluster.leader().equals(Optional.of(NodeName.NODE_A))) {
      await("node-a sync standby").atMost(RESTORE)
          .until(() -> "sync_standby".equals(acting.node("node-a").path("db").asString()));
      // a refusal (cooldown after the scenario's own move) is retried until it is done
      await("leader back on node-a").atMost(RESTORE).until(() ->
          acting.switchover("node-a").statusCode() == 200
              && cluster.leader().equals(Optional.of(NodeName.NODE_A)));
    }
    if (!"node-a".equals(acting.activeNode())) {
      // a replica keeps the active node it derived itself while that node serves (one that took
      // over with an older view, say): fresh replicas take the cluster as it is
      restart(first);
      restart(second);
    }
    ControllerApiClient current = acting();
    await("node-a active, node-b sync standby").atMost(RESTORE).until(() ->
        "NORMAL".equals(current.state()) && "node-a".equals(current.activeNode())
            && "sync_standby".equals(current.node("node-b").path("db").asString()));
    if (CloudSite.dataPlane(cluster).isPrimary()) {
      // a scenario left the cloud promoted (the controller failed back, nobody re-seeded it)
      FailbackResult failback = CloudSite.failback(cluster, Duration.ofMinutes(3));
      assertThat(failback).as("the cloud re-seeded as a standby of the edge")
          .isInstanceOf(FailbackResult.FailedBack.class);
    }
  }

  /** Kills one replica and starts it again: a fresh replica takes the cluster as it finds it. */
  void restart(ControllerApiClient replica) {
    cluster.kill(NodeName.WITNESS, replica.component());
    cluster.start();
    await(replica.identity() + " back").atMost(MOVE)
        .until(() -> "NORMAL".equals(replica.state()));
  }

  ControllerApiClient acting() {
    await("one acting controller").atMost(MOVE).until(() -> first.acting() ^ second.acting());
    return first.acting() ? first : second;
  }

  ControllerApiClient observer(ControllerApiClient acting) {
    return acting == first ? second : first;
  }

  Map<String, String> haproxy() {
    try {
      return haproxyApi().serverStatuses("edge_nodes");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void haproxyCommand(String command) {
    try {
      haproxyApi().execute(command);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HaproxyRuntimeApi haproxyApi() {
    return HaproxyRuntimeApi.of(cluster.layout().runtimeApiAddress());
  }

  EdgeApi api() {
    var d = cluster.descriptor();
    return new EdgeApi(URI.create(d.entrypoint()), Path.of(d.tls().caCertificate()), d.demo().username(), d.demo().password(),
        Duration.ofSeconds(5));
  }

  LoadGenerator load() {
    var d = cluster.descriptor();
    return new LoadGenerator(LoadPlan.of(URI.create(d.entrypoint()), Path.of(d.tls().caCertificate()), d.demo().username(),
        d.demo().password(), 2, Duration.ofMinutes(5)), "e2e-" + System.nanoTime(),
        Clock.systemUTC());
  }

  void assertNoAcknowledgedWriteLost(LoadResult result) {
    NoteVerifier.Verification verification =
        new NoteVerifier(api(), Clock.systemUTC(), Duration.ofSeconds(60))
            .readBack(result.patientIds());
    assertThat(verification.complete()).as(verification.problem()).isTrue();
    Set<String> acked = result.acked().stream().map(AckedWrite::noteId).collect(Collectors.toSet());
    assertThat(acked).isNotEmpty();
    assertThat(verification.foundNoteIds()).containsAll(acked);
  }

  /** Keeps the cluster folder (every process's log) when a scenario failed. */
  void keepLogs() {
    keepLogs = true;
  }

  @Override
  public void close() {
    cluster.stop();
    if (keepLogs) {
      System.err.println("cluster logs kept in " + state);
      return;
    }
    try (var files = Files.walk(state)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // leftovers in the temp folder only
    }
  }
}
