package br.prontuario.edge.localcluster.redis;

import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import br.prontuario.edge.site.resp.RespCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ACL users of Redis and Sentinel, each with the least its client needs. The {@code default}
 * user is off on both, so a connection without a password gets {@code NOAUTH}. The files hold
 * password hashes ({@code #sha256}), except where Redis must send one itself ({@code masterauth},
 * {@code sentinel auth-pass}, {@code sentinel sentinel-pass}).
 */
public record RedisAuth(String edgeNodePassword, String replicaPassword, String sentinelPassword,
    String controllerPassword, String sentinelPeerPassword, String operationsPassword) {

  /** The apps (edge-node, cloud-fallback): their own keys, no admin or dangerous command. */
  public static final String EDGE_NODE = "edge-node";
  /** What a replica authenticates as towards its master ({@code masteruser}). */
  public static final String REPLICA = "replica";
  /** What the Sentinels authenticate as towards Redis ({@code sentinel auth-user}). */
  public static final String SENTINEL = "sentinel";
  /** The failover controller and {@code edgectl status}: ROLE, INFO and read-only Sentinel queries. */
  public static final String CONTROLLER = "controller";
  /** What the Sentinels authenticate as towards each other ({@code sentinel sentinel-user}). */
  public static final String SENTINEL_PEER = "sentinel-peer";
  /**
   * The operators' password rotation ({@code edgectl rotate-secrets}): changing ACL users and the
   * passwords the servers send each other, and writing them to the configuration file; no keys,
   * no failover.
   */
  public static final String OPERATIONS = "operations";

  /** Refresh tokens and login throttling (clinical-common's RefreshTokens, LoginThrottle). */
  static final String APP_KEYS = "~refresh:* ~login:*";

  private static final String SENTINEL_READS = "+sentinel|get-master-addr-by-name +sentinel|master"
      + " +sentinel|replicas +sentinel|sentinels";

  public static RedisAuth of(ClusterSecrets s) {
    return new RedisAuth(s.redisEdgeNodePassword(), s.redisReplicaPassword(),
        s.redisSentinelPassword(), s.redisControllerPassword(), s.sentinelPeerPassword(),
        s.redisOperationsPassword());
  }

  public RespCredentials operations() {
    return new RespCredentials(OPERATIONS, operationsPassword);
  }

  public RespCredentials edgeNode() {
    return new RespCredentials(EDGE_NODE, edgeNodePassword);
  }

  public RespCredentials controller() {
    return new RespCredentials(CONTROLLER, controllerPassword);
  }

  /** The {@code user} lines of a Redis without replicas or Sentinels (the cloud site's). */
  public String standaloneLines() {
    return String.join("\n", "user default off", appUser(),
        "user " + CONTROLLER + " on " + hash(controllerPassword) + " -@all +ping +role +info");
  }

  private String appUser() {
    return "user " + EDGE_NODE + " on " + hash(edgeNodePassword) + " resetkeys " + APP_KEYS
        + " resetchannels -@all +@connection +@read +@write +@transaction +info -@dangerous +info";
  }

  /** The {@code user} lines and replication credentials of a Redis server (master or replica). */
  String serverLines() {
    return String.join("\n",
        "user default off",
        appUser(),
        "user " + REPLICA + " on " + hash(replicaPassword) + " -@all +psync +replconf +ping",
        // the commands Redis's documentation lists for a Sentinel user
        "user " + SENTINEL + " on " + hash(sentinelPassword) + " allchannels -@all +multi +slaveof"
            + " +ping +exec +subscribe +config|rewrite +role +publish +info +client|setname"
            + " +client|kill +script|kill",
        "user " + CONTROLLER + " on " + hash(controllerPassword) + " -@all +ping +role +info",
        "user " + OPERATIONS + " on " + hash(operationsPassword)
            + " -@all +ping +acl|setuser +config|set +config|rewrite",
        // every node may become a replica after a failover: all of them carry the master's user
        "masteruser " + REPLICA,
        "masterauth " + replicaPassword);
  }

  /** The {@code user} lines of a Sentinel; {@link #sentinelMasterLines} come after its monitor line. */
  String sentinelLines() {
    return String.join("\n",
        "user default off",
        "user " + SENTINEL_PEER + " on " + hash(sentinelPeerPassword) + " allchannels +@all",
        // the apps' master/replica connection follows Sentinel's +switch-master over pub/sub
        // (Sentinel's channels carry topology events only, nothing of the apps' data)
        "user " + EDGE_NODE + " on " + hash(edgeNodePassword) + " allchannels -@all +ping"
            + " +client|setname +subscribe +psubscribe +unsubscribe +punsubscribe " + SENTINEL_READS,
        "user " + CONTROLLER + " on " + hash(controllerPassword) + " -@all +ping +role +info "
            + SENTINEL_READS + " +sentinel|masters +sentinel|ckquorum",
        "user " + OPERATIONS + " on " + hash(operationsPassword)
            + " -@all +ping +acl|setuser +sentinel|set +sentinel|config +sentinel|flushconfig",
        "sentinel sentinel-user " + SENTINEL_PEER,
        "sentinel sentinel-pass " + sentinelPeerPassword);
  }

  String sentinelMasterLines(String masterName) {
    return String.join("\n",
        "sentinel auth-user " + masterName + " " + SENTINEL,
        "sentinel auth-pass " + masterName + " " + sentinelPassword);
  }

  /** Redis's ACL form of a password that is not written down: {@code #<sha256 hex>}. */
  public static String hash(String password) {
    try {
      return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  @Override
  public String toString() {
    return "RedisAuth[passwords hidden]";
  }
}
