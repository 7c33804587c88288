package br.prontuario.edge.localcluster.rotation;

import br.prontuario.edge.localcluster.cluster.ClusterSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A rotation's state on disk: {@code DIR/secrets.json} holds the new secrets from the start and
 * {@code DIR/secrets.previous.json} (mode 0600) the ones being retired until the rotation ends, so
 * an interrupted rotation is finished by running it again rather than guessed at.
 */
public final class RotationFiles {

  private RotationFiles() {}

  /**
   * The secrets an unfinished rotation retires, if one was interrupted after the new secrets were
   * written. A record written just before (sharing a rotated secret with the current ones) is
   * dropped: that rotation had not begun.
   */
  public static Optional<ClusterSecrets> interrupted(Path stateDir) {
    Path previous = ClusterSecrets.previousFile(stateDir);
    if (!Files.isRegularFile(previous)) {
      return Optional.empty();
    }
    ClusterSecrets retired = ClusterSecrets.readFrom(previous);
    if (shareARotatedSecret(retired, ClusterSecrets.readFrom(ClusterSecrets.file(stateDir)))) {
      delete(previous);
      return Optional.empty();
    }
    return Optional.of(retired);
  }

  /** Records the current secrets as retiring and writes rotated ones; returns the old ones. */
  public static ClusterSecrets begin(Path stateDir) {
    ClusterSecrets current = ClusterSecrets.readFrom(ClusterSecrets.file(stateDir));
    current.writeTo(ClusterSecrets.previousFile(stateDir));
    current.rotated().writeTo(ClusterSecrets.file(stateDir));
    return current;
  }

  /** The rotation is complete: nothing accepts the retired secrets any more. */
  public static void finish(Path stateDir) {
    delete(ClusterSecrets.previousFile(stateDir));
  }

  static boolean shareARotatedSecret(ClusterSecrets a, ClusterSecrets b) {
    return Stream.<Function<ClusterSecrets, String>>of(ClusterSecrets::superuserPassword,
            ClusterSecrets::replicationPassword, ClusterSecrets::rewindPassword,
            ClusterSecrets::appPassword, ClusterSecrets::ownerPassword, ClusterSecrets::jwtSecret,
            ClusterSecrets::patroniRestPassword, ClusterSecrets::redisEdgeNodePassword,
            ClusterSecrets::redisReplicaPassword, ClusterSecrets::redisSentinelPassword,
            ClusterSecrets::redisControllerPassword, ClusterSecrets::sentinelPeerPassword,
            ClusterSecrets::redisOperationsPassword)
        .anyMatch(secret -> secret.apply(a).equals(secret.apply(b)));
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
