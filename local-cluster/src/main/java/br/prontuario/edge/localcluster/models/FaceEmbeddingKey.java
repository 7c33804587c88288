package br.prontuario.edge.localcluster.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The AES-256 key that encrypts face embeddings at rest ({@code edge.inference.face.encryption-key}).
 * One key per cluster, not per node: the embeddings live in the replicated database, so both nodes
 * must decrypt them. Generated once, kept in {@code DIR/face-embedding.key} (mode 600), never
 * replaced (a new key would make every enrolment undecryptable).
 */
public final class FaceEmbeddingKey {

  public static final String FILE = "face-embedding.key";

  private FaceEmbeddingKey() {}

  public static Path file(Path stateDir) {
    return stateDir.resolve(FILE);
  }

  /** The key, created on first use. */
  public static String loadOrCreate(Path stateDir) throws IOException {
    Path file = file(stateDir);
    if (Files.isRegularFile(file)) {
      return read(file);
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Files.createDirectories(stateDir);
    Path partial = Files.createTempFile(stateDir, ".key", ".part");
    try {
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // only on non-POSIX file systems, where the folder's own protection applies
    }
    Files.writeString(partial, Base64.getEncoder().encodeToString(key) + "\n");
    Files.move(partial, file);
    return read(file);
  }

  /** The key if {@code models install} made one, else null (face login then stays off). */
  public static String readIfPresent(Path stateDir) throws IOException {
    Path file = file(stateDir);
    return Files.isRegularFile(file) ? read(file) : null;
  }

  private static String read(Path file) throws IOException {
    String key = Files.readString(file).strip();
    int length = Base64.getDecoder().decode(key).length;
    if (length != 16 && length != 24 && length != 32) {
      throw new IOException(file + " is not a base64 AES key");
    }
    return key;
  }
}
