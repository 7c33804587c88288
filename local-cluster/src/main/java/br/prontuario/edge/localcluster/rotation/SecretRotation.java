package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.app.ReadinessProbe;
import br.prontuario.edge.localcluster.cloud.CloudSite;
import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.localcluster.cluster.Components;
import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.cluster.RetiringJwtFile;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.controller.FailoverControllerProcess;
import br.prontuario.edge.localcluster.redis.RedisAuth;
import br.prontuario.edge.localcluster.upgrade.ActiveRoleMove;
import br.prontuario.edge.localcluster.upgrade.AppRestart;
import br.prontuario.edge.site.ops.RetiringJwtSecret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * New passwords for every login of the cluster (the apps', the controllers', Patroni's and the
 * servers' among themselves), a new JWT secret, and new certificates for every server and client
 * of the internal plane, without clinicians noticing ({@code edgectl rotate-secrets}):
 *
 * <ol>
 *   <li>Redis and every Sentinel accept each ACL user's new password besides its old one, and the
 *       servers log in to each other with the new ones from their next connection on;
 *   <li>the apps' database roles get theirs (sessions already open are not asked again);
 *   <li>every server takes its new certificate ({@link CertificateRotation});
 *   <li>the failover controllers restart one at a time and sign with the new JWT secret; until
 *       {@link #RETIRING_JWT_WINDOW} has passed, everything started since also accepts the
 *       retired one ({@link RetiringJwtFile}), so no clinician or operator is signed out; they
 *       also carry both Patroni REST passwords;
 *   <li>Patroni's database roles get new passwords and every Patroni takes them with its new REST
 *       password ({@link PatroniPasswords});
 *   <li>the synchronous standby's edge-node restarts on the new secrets, the active role moves to
 *       it, then the other edge-node restarts (as a rolling upgrade does), and cloud-fallback,
 *       dark while the edge serves;
 *   <li>Redis and the Sentinels forget the old passwords.
 * </ol>
 *
 * Between 2 and the move, the active edge-node keeps its open connections; a connection it opens
 * then (its pool replaces one every 30 min or so) fails and is retried by the pool, while the open
 * ones serve. Every step can be repeated, so an interrupted rotation is finished by running it
 * again ({@link RotationFiles}).
 */
public final class SecretRotation {

  /** How long the retired JWT secret is still accepted: the rotation, then an access token's life. */
  static final Duration RETIRING_JWT_WINDOW = Duration.ofHours(1);

  /**
   * Every Redis and Sentinel user and how to read its password; the operations user's too, which
   * makes the changes ({@link RedisUserPasswords} logs in with its old password until the new one
   * is in).
   */
  private static final Map<String, Function<RedisAuth, String>> REDIS_USERS = orderedUsers();

  private final EdgeCluster cluster;
  private final ClusterSecrets retired;
  private final ClusterSecrets fresh;
  private final Path repositoryRoot;
  private final Duration readyTimeout;
  private final AppRestart appRestart;
  private final ActiveRoleMove activeRole;
  private final Consumer<String> progress;
  private final RedisUserPasswords redis;
  private final CertificateRotation certificates;
  private final PatroniPasswords patroni;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retired the secrets being replaced
   * @param switchover moves the active role to a node (the failover controller's switchover)
   * @param warmUp how long each restarted edge-node answers reads before it gets clinicians
   */
  public SecretRotation(EdgeCluster cluster, ClusterSecrets retired, Path repositoryRoot,
      Consumer<NodeName> switchover, Duration readyTimeout, Duration warmUp,
      Consumer<String> progress) {
    if (RotationFiles.shareARotatedSecret(retired, cluster.secrets())) {
      throw new IllegalArgumentException("the new secrets must replace every rotated secret");
    }
    this.cluster = cluster;
    this.retired = retired;
    this.fresh = cluster.secrets();
    this.repositoryRoot = repositoryRoot;
    this.readyTimeout = readyTimeout;
    this.appRestart = new AppRestart(cluster, readyTimeout, warmUp, progress);
    this.activeRole = new ActiveRoleMove(cluster, switchover, progress);
    this.progress = progress;
    this.redis = new RedisUserPasswords(cluster.layout(), RedisAuth.of(fresh).operations(),
        RedisAuth.of(retired).operations());
    this.certificates = new CertificateRotation(cluster, readyTimeout, progress);
    this.patroni = new PatroniPasswords(cluster, retired, readyTimeout, progress);
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
    if (CloudSite.isLaunched(cluster) && CloudSite.dataPlane(cluster).isPrimary()) {
      throw new IllegalStateException("the cloud site serves clinicians: fail back before rotating");
    }
    new RedisUserPasswords(cluster.layout(), RedisAuth.of(cluster.secrets()).operations()).check();
  }

  /** @return the node holding the active role afterwards */
  public NodeName run() {
    retireJwtSecretGently();
    progress.accept("Redis and the Sentinels: every user takes a new password besides its old one");
    for (var user : REDIS_USERS.entrySet()) {
      redis.add(user.getKey(), user.getValue().apply(RedisAuth.of(fresh)));
    }
    progress.accept("Redis and the Sentinels: the servers log in to each other with the new"
        + " passwords");
    redis.pointServersAt(RedisAuth.of(fresh), cluster.config().redis().masterName());
    setAppDatabasePasswords();
    // before the restarts: the apps load their new client certificates as they start
    certificates.run();
    progress.accept("failover controllers: restarting one at a time on the new JWT secret and"
        + " Patroni password (the old ones still accepted)");
    FailoverControllerProcess.restartAll(cluster, readyTimeout, progress);
    // only now: every caller since started carries both Patroni passwords
    patroni.run();
    NodeName active = restartApps();
    progress.accept("Redis and the Sentinels: every user's old password removed");
    for (var user : REDIS_USERS.entrySet()) {
      redis.remove(user.getKey(), user.getValue().apply(RedisAuth.of(retired)));
    }
    return active;
  }

  /**
   * Whatever signed with the retired JWT secret (an edge-node or controller not yet restarted)
   * keeps being believed while the rotation rolls on, and for its tokens' 15 minutes after.
   */
  private void retireJwtSecretGently() {
    RetiringJwtFile.write(cluster.stateDir(),
        new RetiringJwtSecret(retired.jwtSecret(), Instant.now().plus(RETIRING_JWT_WINDOW)));
  }

  private void setAppDatabasePasswords() {
    progress.accept("PostgreSQL: new passwords for " + cluster.config().postgres().appUser()
        + " and " + cluster.config().postgres().ownerUser());
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put(cluster.config().postgres().appUser(), fresh.appPassword());
    roles.put(cluster.config().postgres().ownerUser(), fresh.ownerPassword());
    new DatabasePasswords(cluster, retired.superuserPassword()).set(roles);
    // the operators' tools (drills, benches, users) and the controllers read them from there
    cluster.descriptor().write(cluster.stateDir());
  }

  /** The standby's edge-node, the active role moved to it, the other one, then cloud-fallback. */
  private NodeName restartApps() {
    NodeName leader = cluster.leader().orElseThrow(
        () -> new IllegalStateException("the PostgreSQL leader is gone: run rotate-secrets again"));
    restart(leader.peer());
    activeRole.to(leader.peer());
    restart(leader);
    if (CloudSite.isLaunched(cluster)) {
      progress.accept("restarting cloud-fallback (dark) on the new secrets");
      CloudSite.restartFallback(cluster, repositoryRoot, Duration.ofMinutes(2));
    }
    return leader.peer();
  }

  private static Map<String, Function<RedisAuth, String>> orderedUsers() {
    Map<String, Function<RedisAuth, String>> users = new LinkedHashMap<>();
    users.put(RedisAuth.EDGE_NODE, RedisAuth::edgeNodePassword);
    users.put(RedisAuth.CONTROLLER, RedisAuth::controllerPassword);
    users.put(RedisAuth.REPLICA, RedisAuth::replicaPassword);
    users.put(RedisAuth.SENTINEL, RedisAuth::sentinelPassword);
    users.put(RedisAuth.SENTINEL_PEER, RedisAuth::sentinelPeerPassword);
    users.put(RedisAuth.OPERATIONS, RedisAuth::operationsPassword);
    return Collections.unmodifiableMap(users);
  }

  private void restart(NodeName node) {
    progress.accept("restarting " + node.id() + "'s edge-node on the new secrets");
    appRestart.restartAndAwait(node).ifPresent(failure -> {
      throw new IllegalStateException(node.id() + " did not come back: " + failure + " (log: "
          + cluster.log(node, Components.APP)
          + "); run rotate-secrets again once it serves");
    });
  }

}
