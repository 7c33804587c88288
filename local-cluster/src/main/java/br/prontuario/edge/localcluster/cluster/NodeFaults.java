package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.ProcessSignals;
import br.prontuario.edge.localcluster.process.ProcessSignals.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The faults drills inject (kill, freeze, thaw a whole node) and the orderly stop of everything. */
final class NodeFaults {

  /**
   * Stop layers: entry point, apps and extras first; then Redis; then Patroni (replicas before the
   * leader); coordination last, since Patroni needs etcd to stop cleanly.
   */
  private static final List<List<String>> STOP_LAYERS = List.of(
      List.of(Components.HAPROXY, Components.APP),
      List.of(Components.SENTINEL, Components.REDIS),
      List.of(Components.PATRONI),
      List.of(Components.ETCD));

  private final EdgeCluster cluster;

  NodeFaults(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  void kill(NodeName node) {
    for (ProcessHandle process : processesOf(node)) {
      process.destroyForcibly();
    }
    for (ProcessHandle process : processesOf(node)) {
      ProcessSignals.awaitExit(process, Duration.ofSeconds(10));
    }
  }

  /** SIGKILL one process of a node (and its children), e.g. only the Redis master. */
  void kill(NodeName node, String component) {
    cluster.registry().find(node, component).ifPresent(process -> {
      List<ProcessHandle> tree = ProcessSignals.tree(process);
      tree.forEach(ProcessHandle::destroyForcibly);
      tree.forEach(p -> ProcessSignals.awaitExit(p, Duration.ofSeconds(10)));
    });
  }

  void signal(NodeName node, Signal signal) {
    ProcessSignals.send(signal, processesOf(node));
  }

  /** One component of a node (and its children), e.g. only edge-node hanging. */
  void signal(NodeName node, String component, Signal signal) {
    cluster.registry().find(node, component)
        .ifPresent(process -> ProcessSignals.send(signal, ProcessSignals.tree(process)));
  }

  void stopAll() {
    for (NodeName node : NodeName.values()) {
      signal(node, Signal.CONT);
    }
    List<ProcessRegistry.Entry> running = cluster.registry().running(null);
    Optional<NodeName> leader = cluster.leader();
    List<String> builtIn = STOP_LAYERS.stream().flatMap(List::stream).toList();
    for (List<String> components : STOP_LAYERS) {
      List<ProcessRegistry.Entry> layer = running.stream()
          .filter(e -> components.contains(e.component())
              || (components.contains(Components.APP) && !builtIn.contains(e.component())))
          .toList();
      if (components.contains(Components.PATRONI)) {
        // replicas first: a leader stopping first would hand its lock to a replica (a promotion)
        layer.stream().filter(e -> leader.filter(l -> l == e.node()).isEmpty())
            .forEach(e -> ProcessSignals.terminate(e.handle(), Duration.ofSeconds(60)));
      }
      layer.forEach(e -> e.handle().destroy());
      for (ProcessRegistry.Entry e : layer) {
        ProcessSignals.terminate(e.handle(), Duration.ofSeconds(60));
        cluster.registry().forget(e.node(), e.component());
      }
    }
    for (NodeName node : NodeName.values()) {
      orphanPostmaster(node).ifPresent(pm -> ProcessSignals.terminate(pm, Duration.ofSeconds(30)));
    }
    cluster.registry().forgetExited();
  }

  /**
   * Everything the node runs: each recorded process with its descendants (Patroni's PostgreSQL),
   * plus a postmaster whose Patroni is already gone.
   */
  private List<ProcessHandle> processesOf(NodeName node) {
    Set<ProcessHandle> all = new LinkedHashSet<>();
    for (ProcessRegistry.Entry entry : cluster.registry().running(node)) {
      all.addAll(ProcessSignals.tree(entry.handle()));
    }
    orphanPostmaster(node).ifPresent(pm -> all.addAll(ProcessSignals.tree(pm)));
    return new ArrayList<>(all);
  }

  private Optional<ProcessHandle> orphanPostmaster(NodeName node) {
    if (!node.isDataNode()) {
      return Optional.empty();
    }
    Path pidFile = cluster.dir(node, Components.PATRONI).resolve("data").resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      return ProcessHandle.of(pid).filter(ProcessSignals::isRunning)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }
}
