package br.prontuario.edge.drill.scenario;

import br.prontuario.edge.drill.measure.LeaseAnswer;
import br.prontuario.edge.drill.measure.LinkCut;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a drill needs from the cluster it exercises. Two implementations: the local cluster
 * started by {@code edgectl up} (every fault) and a production deployment reached only through the
 * failover controller (no process faults at all).
 */
public interface ClusterControl {

  /** True for a cluster on this machine that {@code edgectl up} started: faults are allowed. */
  boolean isLocal();

  /** The node holding the PostgreSQL leader (the active node), or null when there is none. */
  String leader();

  /**
   * Each node's edge-node, reached directly (not through the entry point): where the load retries
   * a write the entry point did not acknowledge. Empty when the drill may only use the entry point.
   */
  List<URI> nodeApps();

  /** The node that is not {@code node}. */
  String other(String node);

  /** SIGKILL every process of the node. */
  void kill(String node);

  /** SIGSTOP every process of the node. */
  void freeze(String node);

  /** SIGCONT every process of the node. */
  void thaw(String node);

  /**
   * Cuts every network link between {@code node} and the other nodes ({@code from} null) or one
   * of them; clients outside the nodes still reach it.
   */
  void partition(String node, String from);

  /** Restores every link {@link #partition} cut. */
  void healPartitions();

  /** Every node cut off by {@link #partition} so far, with when it was cut and healed. */
  List<LinkCut> cuts();

  /**
   * Commits a probe transaction directly on the node's PostgreSQL (not through the entry point):
   * true when the commit was acknowledged within a short timeout, which under synchronous
   * replication means the node is a primary whose standby confirmed it.
   */
  boolean acknowledgesProbeCommit(String node);

  /** Whether the node's Patroni says it holds an unexpired leader key and runs as primary. */
  LeaseAnswer leaseAnswer(String node);

  /** SIGKILL only the node's edge-node application. */
  void killApp(String node);

  /** Start whatever of the node is not running (after a kill). */
  void start(String node);

  /** Planned switchover of the active role to {@code node}. */
  void switchover(String node);

  /**
   * Rolling upgrade of both nodes' edge-node to the jar the cluster is configured with (in real
   * life a rebuilt one), as {@code edgectl upgrade --app} does it; returns the node that is active
   * afterwards, throws when the upgrade rolled back.
   */
  String upgradeApp();

  /**
   * Rolling restart of both nodes' PostgreSQL through Patroni on the binaries they already use
   * (in real life a minor version the package manager installed in place), as
   * {@code edgectl upgrade --postgres-minor} does it; returns the active node afterwards, throws
   * when the upgrade rolled back.
   */
  String upgradePostgresMinor();

  /**
   * Waits until the whole deployment is back to normal: a leader, a synchronous standby, both
   * edge-nodes ready, the controller in NORMAL and, where there is one, the cloud a standby again.
   *
   * @return null when healthy, else what is still wrong when the timeout expired
   */
  String awaitHealthy(Duration timeout);

  /**
   * Waits until both nodes serve (a leader, a synchronous standby, both edge-nodes ready), whatever
   * the cloud and the controller are doing.
   *
   * @return null when they serve, else what is still wrong when the timeout expired
   */
  String awaitNodesServing(Duration timeout);

  /** Brings the cloud's writes home, routes clinicians to the nodes, makes the cloud a standby. */
  void failback();
}
