package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.LeaseAnswer;
import br.prontuario.edge.drill.measure.LinkCut;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cloud.FailbackResult;
import br.prontuario.edge.localcluster.cluster.ClusterStatus;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.upgrade.AppJarUpgrade;
import br.prontuario.edge.localcluster.upgrade.AppRestart;
import br.prontuario.edge.localcluster.upgrade.NodeUpgrade;
import br.prontuario.edge.localcluster.upgrade.PostgresMinorUpgrade;
import br.prontuario.edge.localcluster.upgrade.RollingUpgrade;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The local cluster {@code edgectl up} started: faults through the {@link EdgeCluster} launcher
 * (signals to the processes recorded under DIR/pids), roles from Patroni, planned switchovers
 * through the failover controller when it runs, else through Patroni's REST API; failback as
 * {@code edgectl failback} does it.
 */
public final class LocalClusterControl implements ClusterControl {

  private static final Duration APP_READY = Duration.ofMinutes(3);
  private static final Duration POSTGRES_READY = Duration.ofMinutes(3);

  private final EdgeCluster cluster;
  private final Optional<ControllerApi> controller;
  private final Clock clock;
  private final ProbeCommits probes;
  private final List<LinkCut> cuts = new java.util.concurrent.CopyOnWriteArrayList<>();

  public LocalClusterControl(EdgeCluster cluster, Optional<ControllerApi> controller, Clock clock) {
    this.cluster = cluster;
    this.controller = controller;
    this.clock = clock;
    this.probes = new ProbeCommits(cluster);
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public String leader() {
    try {
      return cluster.leader().map(NodeName::id).orElse(null);
    } catch (RuntimeException unreachable) {
      return null;
    }
  }

  @Override
  public List<URI> nodeApps() {
    return Arrays.stream(NodeName.values()).filter(NodeName::isDataNode)
        .map(n -> URI.create(cluster.layout().appUrl(n))).toList();
  }

  @Override
  public String other(String node) {
    return NodeName.parse(node).peer().id();
  }

  @Override
  public void kill(String node) {
    cluster.kill(NodeName.parse(node));
  }

  @Override
  public void freeze(String node) {
    cluster.freeze(NodeName.parse(node));
  }

  @Override
  public void thaw(String node) {
    cluster.thaw(NodeName.parse(node));
  }

  @Override
  public void partition(String node, String from) {
    cluster.partitions().cut(NodeName.parse(node), Optional.ofNullable(from).map(NodeName::parse));
    cuts.add(new LinkCut(node, from, clock.instant(), null));
  }

  @Override
  public void healPartitions() {
    cluster.partitions().heal();
    Instant healedAt = clock.instant();
    cuts.replaceAll(cut -> cut.healed(healedAt));
  }

  @Override
  public List<LinkCut> cuts() {
    return List.copyOf(cuts);
  }

  @Override
  public boolean acknowledgesProbeCommit(String node) {
    return probes.acknowledges(NodeName.parse(node));
  }

  @Override
  public LeaseAnswer leaseAnswer(String node) {
    return cluster.patroni().primaryStatus(cluster.layout().patroniUrl(NodeName.parse(node)))
        .map(status -> status == 200 ? LeaseAnswer.HELD : LeaseAnswer.NOT_HELD)
        .orElse(LeaseAnswer.NO_ANSWER);
  }

  @Override
  public void killApp(String node) {
    cluster.kill(NodeName.parse(node), Components.APP);
  }

  @Override
  public void start(String node) {
    cluster.start(NodeName.parse(node));
  }

  @Override
  public void switchover(String node) {
    if (controller.isPresent()) {
      String problem = controller.get().switchover(node);
      if (problem != null) {
        throw new IllegalStateException("controller refused the switchover to " + node + ": " + problem);
      }
      return;
    }
    cluster.patroniSwitchover(NodeName.parse(node));
  }

  @Override
  public String upgradeApp() {
    return upgrade(new AppJarUpgrade(cluster, cluster.configuredAppJar(), APP_READY,
        AppRestart.DEFAULT_WARM_UP, line -> { }));
  }

  @Override
  public String upgradePostgresMinor() {
    NodeName leader = NodeName.parse(leader());
    return upgrade(new PostgresMinorUpgrade(cluster, cluster.postgresBinDir(leader),
        POSTGRES_READY));
  }

  private String upgrade(NodeUpgrade upgrade) {
    RollingUpgrade rolling = new RollingUpgrade(cluster, node -> switchover(node.id()), line -> { });
    if (rolling.run(upgrade) instanceof RollingUpgrade.RolledBack back) {
      throw new IllegalStateException("the upgrade rolled back: " + back.node().id() + " "
          + back.reason());
    }
    return leader();
  }

  @Override
  public void failback() {
    if (!hasCloudSite()) {
      throw new IllegalStateException("this cluster has no cloud site (" + CloudSite.cloudDir(cluster)
          + "); start it with bin/edgectl up");
    }
    if (CloudSite.failback(cluster, Duration.ofMinutes(3)) instanceof FailbackResult.Stopped stopped) {
      throw new IllegalStateException("failback stopped: " + stopped.reason());
    }
  }

  @Override
  public String awaitHealthy(Duration timeout) {
    return await(this::problem, timeout);
  }

  @Override
  public String awaitNodesServing(Duration timeout) {
    return await(this::nodesProblem, timeout);
  }

  private String await(Supplier<String> problemNow, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    String problem;
    do {
      problem = problemNow.get();
      if (problem == null) {
        return null;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return problem;
      }
    } while (clock.instant().isBefore(deadline));
    return problem;
  }

  /** What keeps the deployment from normal: the nodes, the cloud standby, the controller. */
  private String problem() {
    String nodes = nodesProblem();
    if (nodes != null) {
      return nodes;
    }
    String entries = entriesProblem();
    if (entries != null) {
      return entries;
    }
    if (hasCloudSite() && !CloudSite.dataPlane(cluster).isStreamingStandby()) {
      return "the cloud is not a standby streaming from the edge";
    }
    if (controller.isEmpty()) {
      return null;
    }
    String state = controller.get().status().map(s -> s.path("state").asString("unknown"))
        .orElse("unreachable");
    return "NORMAL".equals(state) ? null : "failover controller " + state;
  }

  /**
   * Every box's entry HAProxy answers and routes alike (same server states): one that came back
   * is whole only once the controller has routed it again.
   */
  private String entriesProblem() {
    List<ClusterStatus.EntryStatus> entries;
    try {
      entries = cluster.status().entries();
    } catch (RuntimeException e) {
      return "status unreadable: " + e.getMessage();
    }
    for (ClusterStatus.EntryStatus entry : entries) {
      if (!"up".equals(entry.haproxy())) {
        return "entry HAProxy on " + entry.node() + " " + entry.haproxy();
      }
      if (!states(entry).equals(states(entries.get(0)))) {
        return "entry HAProxies disagree: " + entries.get(0).node() + " " + entries.get(0).servers()
            + ", " + entry.node() + " " + entry.servers();
      }
    }
    return null;
  }

  /** Each server's state without a health check's progress ("UP 1/3" is UP). */
  private static Map<String, String> states(ClusterStatus.EntryStatus entry) {
    Map<String, String> states = new TreeMap<>();
    entry.servers().forEach((server, status) -> states.put(server, status.split(" ")[0]));
    return states;
  }

  /** {@code edgectl up} starts one; a cluster started without it has no cloud to check. */
  private boolean hasCloudSite() {
    return Files.isDirectory(CloudSite.cloudDir(cluster));
  }

  /** What keeps the nodes from serving: leader, sync standby, both apps. */
  private String nodesProblem() {
    ClusterStatus status;
    try {
      status = cluster.status();
    } catch (RuntimeException e) {
      return "status unreadable: " + e.getMessage();
    }
    List<String> dbRoles = List.of(status.node("node-a").db(), status.node("node-b").db());
    if (!dbRoles.contains("leader") || !dbRoles.contains("sync_standby")) {
      return "PostgreSQL roles " + dbRoles + " (want a leader and a sync_standby)";
    }
    for (String node : List.of("node-a", "node-b")) {
      if (!"ready".equals(status.node(node).app())) {
        return node + " edge-node " + status.node(node).app();
      }
    }
    return null;
  }
}
