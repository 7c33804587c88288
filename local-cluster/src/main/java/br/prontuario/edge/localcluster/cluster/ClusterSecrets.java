package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The passwords and the JWT secret of one local cluster, generated on the first {@code up} and kept
 * in {@code DIR/secrets.json} (mode 600) so a restart keeps the same database and tokens. A file
 * written before a secret existed gets that secret generated and added on the next load.
 *
 * @param patroniRestUser and {@code patroniRestPassword}: what Patroni's unsafe REST endpoints
 *     ask for (switchover, failover, restart, config)
 * @param ownerPassword the database owner's ({@code PostgresSettings.ownerUser()}), which only
 *     the migrations use; the apps log in with {@code appPassword}
 * @param redisEdgeNodePassword the apps' Redis and Sentinel user (their keys only); the other
 *     {@code redis*} passwords: replication, Sentinel towards Redis, the controller's read-only
 *     user, and the Sentinels among themselves ({@code RedisAuth} names the users)
 * @param labToken what the local lab system ({@link #LAB_APPLICATION}@{@link #LAB_FACILITY})
 *     puts in MSH-8 or {@code X-Lab-Token}; edge-node keeps only its SHA-256
 * @param redisOperationsPassword the operators' Redis and Sentinel user, which may only change
 *     ACL users and write them down ({@code edgectl rotate-secrets})
 */
public record ClusterSecrets(
    String superuserPassword,
    String replicationPassword,
    String rewindPassword,
    String appPassword,
    String demoPassword,
    String jwtSecret,
    String patroniRestUser,
    String patroniRestPassword,
    String redisEdgeNodePassword,
    String redisReplicaPassword,
    String redisSentinelPassword,
    String redisControllerPassword,
    String sentinelPeerPassword,
    String ownerPassword,
    String labToken,
    String redisOperationsPassword) {

  public static final String PATRONI_REST_USER = "patroni-ops";
  /** The local cluster's one lab sender: MSH-3 and MSH-4 of its messages. */
  public static final String LAB_APPLICATION = "LIS";
  public static final String LAB_FACILITY = "HOSP";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static ClusterSecrets generate() {
    return new ClusterSecrets(token(18), token(18), token(18), token(18), token(12),
        Base64.getEncoder().encodeToString(bytes(48)), PATRONI_REST_USER, token(18), token(18),
        token(18), token(18), token(18), token(18), token(18), token(18), token(18));
  }

  /**
   * The same secrets with new values for everything {@code edgectl rotate-secrets} rotates: every
   * password of the database, Redis and Sentinel, Patroni's REST password and the JWT secret. Two
   * stay: the demo clinician's password (a person's, changed by that person) and the lab token,
   * which the lab system sends and changes with the lab's integrator.
   */
  public ClusterSecrets rotated() {
    return new ClusterSecrets(token(18), token(18), token(18), token(18), demoPassword,
        Base64.getEncoder().encodeToString(bytes(48)), patroniRestUser, token(18), token(18),
        token(18), token(18), token(18), token(18), token(18), labToken, token(18));
  }

  /** What {@code edgectl render} writes: production secrets come from the secret store. */
  public static ClusterSecrets placeholders() {
    return new ClusterSecrets("CHANGE-ME (or PATRONI_SUPERUSER_PASSWORD)",
        "CHANGE-ME (or PATRONI_REPLICATION_PASSWORD)", "CHANGE-ME (or PATRONI_REWIND_PASSWORD)",
        "CHANGE-ME", "", "CHANGE-ME", PATRONI_REST_USER,
        "CHANGE-ME (or PATRONI_RESTAPI_PASSWORD)", "CHANGE-ME", "CHANGE-ME", "CHANGE-ME",
        "CHANGE-ME", "CHANGE-ME", "CHANGE-ME", "CHANGE-ME", "CHANGE-ME");
  }

  /** What callers of Patroni's unsafe endpoints send. */
  public PatroniCredentials patroniRest() {
    return new PatroniCredentials(patroniRestUser, patroniRestPassword);
  }

  /** Where {@link #loadOrCreate} keeps a cluster's secrets. */
  public static Path file(Path stateDir) {
    return stateDir.resolve("secrets.json");
  }

  public static ClusterSecrets loadOrCreate(Path stateDir) {
    Path file = file(stateDir);
    try {
      if (Files.isRegularFile(file)) {
        ObjectNode stored = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode complete = JSON.valueToTree(generate());
        complete.setAll(stored); // what the file has wins; only missing secrets are new
        ClusterSecrets secrets = JSON.treeToValue(complete, ClusterSecrets.class);
        if (complete.size() != stored.size()) {
          write(file, secrets);
        }
        return secrets;
      }
      ClusterSecrets secrets = generate();
      Files.createDirectories(stateDir);
      write(file, secrets);
      return secrets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where an unfinished rotation keeps the secrets it replaces. */
  public static Path previousFile(Path stateDir) {
    return stateDir.resolve("secrets.previous.json");
  }

  /** The secrets an unfinished rotation replaces, if one is under way. */
  public static Optional<ClusterSecrets> readPrevious(Path stateDir) {
    Path file = previousFile(stateDir);
    return Files.isRegularFile(file) ? Optional.of(readFrom(file)) : Optional.empty();
  }

  /** A secrets file as written by {@link #writeTo}, complete (no secret generated). */
  public static ClusterSecrets readFrom(Path file) {
    try {
      return JSON.readValue(file.toFile(), ClusterSecrets.class);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Replaces {@code file} in one step (a temporary file, mode 0600 before anything is in it, then
   * moved over): a crash leaves the old secrets or the new ones, never half of each.
   */
  public void writeTo(Path file) {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try {
      write(next, this);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, ClusterSecrets secrets) throws IOException {
    Files.writeString(file, "");
    restrict(file);
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), secrets);
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // only on non-POSIX file systems, where the folder's own protection applies
    }
  }

  @Override
  public String toString() {
    return "ClusterSecrets[hidden]";
  }

  private static String token(int bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(bytes));
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }
}
