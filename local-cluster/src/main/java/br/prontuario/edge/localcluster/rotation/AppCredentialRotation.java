package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.upgrade.ActiveRoleMove;
import br.prontuario.edge.localcluster.upgrade.AppRestart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * New passwords for what the apps log in with (the database's app and owner roles, the apps'
 * Redis and Sentinel user) without clinicians noticing ({@code edgectl rotate-secrets}):
 *
 * <ol>
 *   <li>Redis and every Sentinel accept the new password besides the old one;
 *   <li>the database roles get theirs (sessions already open are not asked again);
 *   <li>the synchronous standby's edge-node restarts on the new secrets, the active role moves to
 *       it, then the other edge-node restarts (as a rolling upgrade does), and cloud-fallback,
 *       dark while the edge serves;
 *   <li>Redis and the Sentinels forget the old password.
 * </ol>
 *
 * Between 2 and the move, the active edge-node keeps its open connections; a connection it opens
 * then (its pool replaces one every 30 min or so) fails and is retried by the pool, while the open
 * ones serve. Every step can be repeated, so an interrupted rotation is finished by running it
 * again ({@link RotationFiles}).
 */
public final class AppCredentialRotation {

  private final EdgeCluster cluster;
  private final ClusterSecrets retired;
  private final Path repositoryRoot;
  private final AppRestart appRestart;
  private final ActiveRoleMove activeRole;
  private final Consumer<String> progress;
  private final RedisUserPasswords redis;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retired the secrets being replaced
   * @param switchover moves the active role to a node (the failover controller's switchover)
   */
  public AppCredentialRotation(EdgeCluster cluster, ClusterSecrets retired, Path repositoryRoot,
      Consumer<NodeName> switchover, Duration readyTimeout, Consumer<String> progress) {
    if (RotationFiles.shareAnAppCredential(retired, cluster.secrets())) {
      throw new IllegalArgumentException("the new secrets must replace every app credential");
    }
    this.cluster = cluster;
    this.retired = retired;
    this.repositoryRoot = repositoryRoot;
    this.appRestart = new AppRestart(cluster, readyTimeout, progress);
    this.activeRole = new ActiveRoleMove(cluster, switchover, progress);
    this.progress = progress;
    this.redis = new RedisUserPasswords(cluster.layout(), RedisAuth.of(cluster.secrets()).operations());
  }

  /**
   * Before anything changes: both edge-nodes serve, PostgreSQL has a leader, the cloud site is
   * dark and every Redis server and Sentinel takes the operations user.
   *
   * @throws IllegalStateException saying what is missing
   */
  public static void checkWhole(EdgeCluster cluster) {
    if (cluster.leader().isEmpty()) {
      throw new IllegalStateException("no PostgreSQL leader: rotate on a whole cluster only");
    }
    ReadinessProbe.requireReady(cluster.layout(), "rotate on a whole cluster only", NodeName.NODE_A,
        NodeName.NODE_B);
    if (hasCloudSite(cluster) && CloudSite.dataPlane(cluster).isPrimary()) {
      throw new IllegalStateException("the cloud site serves clinicians: fail back before rotating");
    }
    new RedisUserPasswords(cluster.layout(), RedisAuth.of(cluster.secrets()).operations()).check();
  }

  /** @return the node holding the active role afterwards */
  public NodeName run() {
    ClusterSecrets fresh = cluster.secrets();
    progress.accept("Redis and the Sentinels: the apps' user takes a new password besides its old one");
    redis.add(RedisAuth.EDGE_NODE, fresh.redisEdgeNodePassword());
    progress.accept("PostgreSQL: new passwords for " + cluster.config().postgres().appUser()
        + " and " + cluster.config().postgres().ownerUser());
    DatabasePasswords database = new DatabasePasswords(cluster);
    database.set(cluster.config().postgres().appUser(), fresh.appPassword());
    database.set(cluster.config().postgres().ownerUser(), fresh.ownerPassword());
    // the operators' tools (drills, benches, users) read the app's password from there
    cluster.descriptor().write(cluster.stateDir());
    NodeName leader = cluster.leader().orElseThrow(
        () -> new IllegalStateException("the PostgreSQL leader is gone: run rotate-secrets again"));
    restart(leader.peer());
    activeRole.to(leader.peer());
    restart(leader);
    if (hasCloudSite(cluster)) {
      progress.accept("restarting cloud-fallback (dark) on the new secrets");
      CloudSite.restartFallback(cluster, repositoryRoot, Duration.ofMinutes(2));
    }
    progress.accept("Redis and the Sentinels: the apps' old password removed");
    redis.remove(RedisAuth.EDGE_NODE, retired.redisEdgeNodePassword());
    return leader.peer();
  }

  private void restart(NodeName node) {
    progress.accept("restarting " + node.id() + "'s edge-node on the new secrets");
    appRestart.restartAndAwait(node).ifPresent(failure -> {
      throw new IllegalStateException(node.id() + " did not come back: " + failure + " (log: "
          + cluster.log(node, Components.APP)
          + "); run rotate-secrets again once it serves");
    });
  }

  private static boolean hasCloudSite(EdgeCluster cluster) {
    return cluster.hasExtra(NodeName.WITNESS, CloudSite.APP);
  }
}
