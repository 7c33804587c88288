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
import java.util.function.Consumer;

/**
 * New passwords for what the apps log in with (the database's app and owner roles, the apps'
 * Redis and Sentinel user), a new JWT secret, and new certificates for every server and client
 * of the internal plane, without clinicians noticing ({@code edgectl rotate-secrets}):
 *
 * <ol>
 *   <li>Redis and every Sentinel accept the new passwords of the apps' and the controllers' users
 *       besides the old ones;
 *   <li>the database roles get theirs (sessions already open are not asked again);
 *   <li>every server takes its new certificate ({@link CertificateRotation});
 *   <li>the failover controllers restart one at a time and sign with the new JWT secret; until
 *       {@link #RETIRING_JWT_WINDOW} has passed, everything started since also accepts the
 *       retired one ({@link RetiringJwtFile}), so no clinician or operator is signed out; they
 *       also carry both Patroni REST passwords;
 *   <li>every Patroni takes its new REST password ({@link PatroniRestPassword});
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
  private final PatroniRestPassword patroniRest;

  /**
   * @param cluster the cluster, loaded with the new secrets
   * @param retired the secrets being replaced
   * @param switchover moves the active role to a node (the failover controller's switchover)
   */
  public SecretRotation(EdgeCluster cluster, ClusterSecrets retired, Path repositoryRoot,
      Consumer<NodeName> switchover, Duration readyTimeout, Consumer<String> progress) {
    if (RotationFiles.shareARotatedSecret(retired, cluster.secrets())) {
      throw new IllegalArgumentException("the new secrets must replace every rotated secret");
    }
    this.cluster = cluster;
    this.retired = retired;
    this.fresh = cluster.secrets();
    this.repositoryRoot = repositoryRoot;
    this.readyTimeout = readyTimeout;
    this.appRestart = new AppRestart(cluster, readyTimeout, progress);
    this.activeRole = new ActiveRoleMove(cluster, switchover, progress);
    this.progress = progress;
    this.redis = new RedisUserPasswords(cluster.layout(), RedisAuth.of(cluster.secrets()).operations());
    this.certificates = new CertificateRotation(cluster, readyTimeout, progress);
    this.patroniRest = new PatroniRestPassword(cluster, retired.patroniRest(), readyTimeout, progress);
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
    progress.accept("Redis and the Sentinels: the apps' and the controllers' users take a new password"
        + " besides their old one");
    redis.add(RedisAuth.EDGE_NODE, fresh.redisEdgeNodePassword());
    redis.add(RedisAuth.CONTROLLER, fresh.redisControllerPassword());
    setDatabasePasswords();
    // before the restarts: the apps load their new client certificates as they start
    certificates.run();
    progress.accept("failover controllers: restarting one at a time on the new JWT secret and"
        + " Patroni password (the old ones still accepted)");
    FailoverControllerProcess.restartAll(cluster, readyTimeout, progress);
    // only now: every caller since started carries both Patroni passwords
    patroniRest.run();
    NodeName active = restartApps();
    progress.accept("Redis and the Sentinels: the apps' and the controllers' old passwords removed");
    redis.remove(RedisAuth.EDGE_NODE, retired.redisEdgeNodePassword());
    redis.remove(RedisAuth.CONTROLLER, retired.redisControllerPassword());
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

  private void setDatabasePasswords() {
    progress.accept("PostgreSQL: new passwords for " + cluster.config().postgres().appUser()
        + " and " + cluster.config().postgres().ownerUser());
    DatabasePasswords database = new DatabasePasswords(cluster);
    database.set(cluster.config().postgres().appUser(), fresh.appPassword());
    database.set(cluster.config().postgres().ownerUser(), fresh.ownerPassword());
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

  private void restart(NodeName node) {
    progress.accept("restarting " + node.id() + "'s edge-node on the new secrets");
    appRestart.restartAndAwait(node).ifPresent(failure -> {
      throw new IllegalStateException(node.id() + " did not come back: " + failure + " (log: "
          + cluster.log(node, Components.APP)
          + "); run rotate-secrets again once it serves");
    });
  }

}
