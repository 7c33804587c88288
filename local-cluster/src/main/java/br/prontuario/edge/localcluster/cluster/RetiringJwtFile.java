package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.site.ops.RetiringJwtSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DIR/jwt-retiring.json} (mode 0600): the JWT secret the last {@code edgectl
 * rotate-secrets} replaced and until when the apps and controllers started since still accept
 * tokens it signed. Past that deadline it is as good as absent.
 */
public final class RetiringJwtFile {

  private static final String FILE = "jwt-retiring.json";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RetiringJwtFile() {}

  /** The retiring secret, if one is still accepted at {@code now}. */
  public static Optional<RetiringJwtSecret> read(Path stateDir, Instant now) {
    Path file = stateDir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      RetiringJwtSecret retiring = JSON.readValue(file.toFile(), RetiringJwtSecret.class);
      return retiring.acceptedAt(now) ? Optional.of(retiring) : Optional.empty();
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getOriginalMessage(), e);
    }
  }

  /** Written to a mode-0600 file first, then moved over the old one. */
  public static void write(Path stateDir, RetiringJwtSecret retiring) {
    Path file = stateDir.resolve(FILE);
    Path next = stateDir.resolve(FILE + ".next");
    try {
      Files.deleteIfExists(next);
      Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      JSON.writeValue(next.toFile(), retiring);
      Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
