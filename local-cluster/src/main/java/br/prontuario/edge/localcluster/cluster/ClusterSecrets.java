package br.prontuario.edge.localcluster.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passwords and the JWT secret of one local cluster, generated on the first {@code up} and kept
 * in {@code DIR/secrets.json} (mode 600) so a restart keeps the same database and tokens.
 */
public record ClusterSecrets(
    String superuserPassword,
    String replicationPassword,
    String rewindPassword,
    String appPassword,
    String demoPassword,
    String jwtSecret) {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static ClusterSecrets generate() {
    return new ClusterSecrets(token(18), token(18), token(18), token(18), token(12),
        Base64.getEncoder().encodeToString(bytes(48)));
  }

  /** What {@code edgectl render} writes: production secrets come from the secret store. */
  public static ClusterSecrets placeholders() {
    return new ClusterSecrets("CHANGE-ME (or PATRONI_SUPERUSER_PASSWORD)",
        "CHANGE-ME (or PATRONI_REPLICATION_PASSWORD)", "CHANGE-ME (or PATRONI_REWIND_PASSWORD)",
        "CHANGE-ME", "", "CHANGE-ME");
  }

  public static ClusterSecrets loadOrCreate(Path stateDir) {
    Path file = stateDir.resolve("secrets.json");
    try {
      if (Files.isRegularFile(file)) {
        return JSON.readValue(file.toFile(), ClusterSecrets.class);
      }
      ClusterSecrets secrets = generate();
      Files.createDirectories(stateDir);
      Files.writeString(file, "");
      restrict(file);
      JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), secrets);
      return secrets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // only on non-POSIX file systems, where the folder's own protection applies
    }
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
