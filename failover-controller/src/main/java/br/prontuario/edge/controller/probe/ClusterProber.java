package br.prontuario.edge.controller.probe;

import br.prontuario.edge.controller.decision.ClusterMember;
import br.prontuario.edge.controller.decision.NodeProbe;
import br.prontuario.edge.controller.decision.Observation;
import br.prontuario.edge.controller.decision.PgRole;
import br.prontuario.edge.controller.decision.Signal;
import br.prontuario.edge.controller.patroni.PatroniMembers;
import br.prontuario.edge.site.patroni.PatroniClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

/**
 * One probe round: every node's app and Patroni in parallel (so a hung node costs one timeout,
 * not one per probe), the DCS view from the first Patroni that answers, and Sentinel's master.
 */
public final class ClusterProber {

  private final ClusterTopology topology;
  private final HttpProbe http;
  private final PatroniClient patroni;
  private final SentinelClient sentinel;
  private final ExecutorService executor;
  private final Clock clock;

  public ClusterProber(ClusterTopology topology, HttpProbe http, PatroniClient patroni,
      SentinelClient sentinel, ExecutorService executor, Clock clock) {
    this.topology = topology;
    this.http = http;
    this.patroni = patroni;
    this.sentinel = sentinel;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * @param failuresCountFrom read once the probes answered: the monotonic time the round's
   *     failures count from (the failure-span rule's time)
   */
  public Observation probe(LongSupplier failuresCountFrom) {
    CompletableFuture<Optional<String>> redisMaster =
        CompletableFuture.supplyAsync(sentinel::masterAddress, executor);
    List<CompletableFuture<NodeProbe>> nodes = topology.nodes().stream()
        .map(n -> CompletableFuture.supplyAsync(() -> probeNode(n, redisMaster), executor))
        .toList();
    List<CompletableFuture<Optional<List<ClusterMember>>>> views = topology.nodes().stream()
        .map(n -> CompletableFuture.supplyAsync(
            () -> patroni.cluster(n.patroniUrl()).map(PatroniMembers::of), executor))
        .toList();
    List<NodeProbe> probes = nodes.stream().map(CompletableFuture::join).toList();
    List<List<ClusterMember>> answered = views.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
    return new Observation(clock.instant(), failuresCountFrom.getAsLong(), probes, freshest(answered, probes));
  }

  /**
   * A node that was just frozen answers /cluster from its stale cache; prefer the view whose leader
   * itself says it is primary, else the first that answered.
   */
  static List<ClusterMember> freshest(List<List<ClusterMember>> views, List<NodeProbe> probes) {
    List<String> primaries = probes.stream().filter(p -> p.selfRole() == PgRole.PRIMARY).map(NodeProbe::node).toList();
    return views.stream()
        .filter(v -> v.stream().anyMatch(m -> m.isLeader() && primaries.contains(m.name())))
        .findFirst()
        .orElse(views.isEmpty() ? List.of() : views.get(0));
  }

  private NodeProbe probeNode(ClusterTopology.Node node, CompletableFuture<Optional<String>> redisMaster) {
    CompletableFuture<Signal> app =
        CompletableFuture.supplyAsync(() -> http.get(node.appUrl() + "/health/ready"), executor);
    Optional<PatroniClient.NodeStatus> status = patroni.node(node.patroniUrl());
    Signal patroniSignal = status.map(s -> s.running() ? Signal.up() : Signal.failed("postgres " + s.state()))
        .orElse(Signal.failed("patroni unreachable"));
    PgRole role = status.filter(PatroniClient.NodeStatus::running)
        .map(s -> PgRole.fromPatroni(s.role())).orElse(PgRole.UNKNOWN);
    return new NodeProbe(node.name(), app.join(), patroniSignal, role, redisRole(node, redisMaster.join()));
  }

  private static String redisRole(ClusterTopology.Node node, Optional<String> master) {
    if (master.isEmpty() || node.redis() == null) {
      return "unknown";
    }
    return master.get().equals(node.redis()) ? "master" : "replica";
  }
}
