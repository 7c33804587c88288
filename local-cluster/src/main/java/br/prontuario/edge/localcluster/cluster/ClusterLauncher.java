package br.prontuario.edge.localcluster.cluster;

import static br.prontuario.edge.localcluster.cluster.Components.APP;
import static br.prontuario.edge.localcluster.cluster.Components.ETCD;
import static br.prontuario.edge.localcluster.cluster.Components.HAPROXY;
import static br.prontuario.edge.localcluster.cluster.Components.KAFKA;
import static br.prontuario.edge.localcluster.cluster.Components.PATRONI;
import static br.prontuario.edge.localcluster.cluster.Components.REDIS;
import static br.prontuario.edge.localcluster.cluster.Components.SENTINEL;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.etcd.EtcdMember;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import br.prontuario.edge.localcluster.process.Pause;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Brings processes up in dependency order and waits for each layer to serve. */
final class ClusterLauncher {

  /** How often the launcher starts an edge-node that exited before listening, and after how long. */
  static final int APP_START_ATTEMPTS = 3;
  static final Duration APP_RESTART_DELAY = Duration.ofSeconds(5);

  private static final List<NodeName> DATA_NODES = List.of(NodeName.NODE_A, NodeName.NODE_B);
  private static final Duration ETCD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration LEADER_TIMEOUT = Duration.ofSeconds(120);

  private final EdgeCluster cluster;

  ClusterLauncher(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  void startAll() {
    Map<NodeName, ManagedProcess> etcd = new LinkedHashMap<>();
    for (NodeName node : NodeName.values()) {
      startIfStopped(node, ETCD).ifPresent(p -> etcd.put(node, p));
    }
    for (NodeName node : NodeName.values()) {
      EtcdMember.awaitHealthy(cluster.layout().etcdClientUrls().get(node.ordinal()), cluster.etcdHttp(),
          etcd.get(node), ETCD_TIMEOUT);
    }
    startPatroni();
    ensureDatabaseOnceWritable();
    for (NodeName node : DATA_NODES) {
      startIfStopped(node, REDIS).ifPresent(p -> p.awaitPort(cluster.layout().ports(node).redis(), Duration.ofSeconds(20)));
    }
    for (NodeName node : NodeName.values()) {
      startIfStopped(node, SENTINEL).ifPresent(p -> p.awaitPort(cluster.layout().ports(node).sentinel(), Duration.ofSeconds(20)));
    }
    if (cluster.withApps()) {
      // the brokers start beside the apps, not before them: edge-node's relay waits for the bus
      // (the outbox keeps the events meanwhile), so nobody waits for the brokers to form a quorum
      for (NodeName node : NodeName.values()) {
        startIfStopped(node, KAFKA);
      }
      DATA_NODES.forEach(node -> startIfStopped(node, APP));
      DATA_NODES.forEach(this::awaitAppReady);
    }
    for (NodeName node : ClusterLayout.ENTRY_ORDER) {
      startIfStopped(node, HAPROXY);
    }
    for (NodeName node : NodeName.values()) {
      ExtraComponent.saved(cluster.stateDir(), node).forEach(this::startExtraIfStopped);
    }
    await("a synchronous standby", LEADER_TIMEOUT,
        () -> ClusterStatusReader.patroniView(cluster).flatMap(PatroniClient.ClusterView::syncStandby).isPresent()
            || !cluster.config().patroni().synchronousMode());
  }

  /** A fresh cluster bootstraps on node-a (deterministic roles); an existing one starts both at once. */
  private void startPatroni() {
    boolean fresh = DATA_NODES.stream().noneMatch(cluster::hasData);
    if (fresh) {
      startIfStopped(NodeName.NODE_A, PATRONI);
      await("node-a to bootstrap as leader", LEADER_TIMEOUT,
          () -> alive(NodeName.NODE_A, PATRONI)
              && cluster.leader().filter(l -> l == NodeName.NODE_A).isPresent());
      startIfStopped(NodeName.NODE_B, PATRONI);
    } else {
      DATA_NODES.forEach(node -> startIfStopped(node, PATRONI));
      await("a PostgreSQL leader", LEADER_TIMEOUT,
          () -> alive(NodeName.NODE_A, PATRONI) && alive(NodeName.NODE_B, PATRONI)
              && cluster.leader().isPresent());
    }
  }

  /** Patroni takes the leader lock before its PostgreSQL has finished promoting: retry until writable. */
  private void ensureDatabaseOnceWritable() {
    IllegalStateException[] last = new IllegalStateException[1];
    try {
      await("a writable primary", LEADER_TIMEOUT, () -> {
        try {
          DatabaseBootstrap.ensure(cluster);
          return true;
        } catch (IllegalStateException notYet) {
          last[0] = notYet;
          return false;
        }
      });
    } catch (IllegalStateException timedOut) {
      throw last[0] != null ? last[0] : timedOut;
    }
  }

  void startNode(NodeName node) {
    for (String component : cluster.componentsOf(node)) {
      startIfStopped(node, component).ifPresent(p -> {
        if (component.equals(APP)) {
          awaitAppListeningStartingAgain(node, p);
        } else {
          awaitListening(node, component, p);
        }
      });
    }
    ExtraComponent.saved(cluster.stateDir(), node).forEach(this::startExtraIfStopped);
  }

  ManagedProcess launchExtra(ExtraComponent extra) {
    extra.save(cluster.dir(extra.node(), extra.component()));
    cluster.registry().find(extra.node(), extra.component()).ifPresent(running -> {
      throw new IllegalStateException(extra.component() + " already runs on " + extra.node());
    });
    return startExtra(extra);
  }

  /** Stops a saved extra component and starts it again from its saved launch. */
  ManagedProcess restartExtra(NodeName node, String component) {
    ExtraComponent extra = ExtraComponent.find(cluster.stateDir(), node, component);
    cluster.stop(node, component);
    return startExtra(extra);
  }

  private void startExtraIfStopped(ExtraComponent extra) {
    if (cluster.registry().find(extra.node(), extra.component()).isEmpty()) {
      startExtra(extra);
    }
  }

  private ManagedProcess startExtra(ExtraComponent extra) {
    var dir = cluster.dir(extra.node(), extra.component());
    ManagedProcess process = cluster.launch(extra.node()).start(extra.component() + "-" + extra.node().id(),
        extra.command(), dir, dir.resolve(extra.component() + ".log"), extra.env());
    cluster.registry().record(extra.node(), extra.component(), process.handle());
    return process;
  }

  private java.util.Optional<ManagedProcess> startIfStopped(NodeName node, String component) {
    if (cluster.registry().find(node, component).isPresent()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(cluster.startComponent(node, component));
  }

  /**
   * An edge-node started while its node's PostgreSQL restarts under it (Patroni rewinding it after
   * a kill) exits when Flyway's connection breaks; the chaos soak saw it. In production the
   * service manager starts it again ({@code Restart=on-failure}, {@code RestartSec=5s}); here the
   * launcher does, at most {@link #APP_START_ATTEMPTS} times. One that is alive but never
   * listens is not started again: that is no transient failure.
   */
  private void awaitAppListeningStartingAgain(NodeName node, ManagedProcess first) {
    ManagedProcess process = first;
    for (int attempt = 1; ; attempt++) {
      try {
        awaitListening(node, APP, process);
        return;
      } catch (IllegalStateException exited) {
        if (process.isAlive() || attempt >= APP_START_ATTEMPTS) {
          throw exited;
        }
        Pause.millis(APP_RESTART_DELAY.toMillis());
        process = cluster.startComponent(node, APP);
      }
    }
  }

  private void awaitListening(NodeName node, String component, ManagedProcess process) {
    var ports = cluster.layout().ports(node);
    Duration timeout = Duration.ofSeconds(60);
    switch (component) {
      case ETCD -> process.awaitPort(ports.etcdClient(), timeout);
      case PATRONI -> process.awaitPort(ports.patroniRest(), timeout);
      case REDIS -> process.awaitPort(ports.redis(), timeout);
      case SENTINEL -> process.awaitPort(ports.sentinel(), timeout);
      case KAFKA -> process.awaitPort(ports.kafka(), timeout);
      case APP -> process.awaitPort(ports.app(), cluster.config().app().startTimeout());
      default -> { } // HAProxy waits for its own ports when it starts
    }
  }

  private void awaitAppReady(NodeName node) {
    String url = cluster.layout().appUrl(node);
    await("edge-node on " + node + " to be ready (log " + cluster.log(node, APP) + ")",
        cluster.config().app().startTimeout(), () -> {
          return alive(node, APP) && "ready".equals(ReadinessProbe.check(url));
        });
  }

  /** True, or an exception naming the log when the process has exited. */
  private boolean alive(NodeName node, String component) {
    if (cluster.registry().find(node, component).isEmpty()) {
      throw new IllegalStateException(component + " on " + node + " exited; see "
          + cluster.log(node, component));
    }
    return true;
  }

  private static void await(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + "s waiting for " + what);
      }
      Pause.millis(250);
    }
  }
}
