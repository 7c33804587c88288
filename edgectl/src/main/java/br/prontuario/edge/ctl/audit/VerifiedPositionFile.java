package br.prontuario.edge.ctl.audit;

import br.prontuario.edge.common.audit.AuditChainVerifier.Position;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where {@code audit verify --incremental} starts: the last position a verification found intact,
 * kept in the cluster folder ({@code DIR/audit-verified.json}) beside {@code cluster.json}, i.e.
 * with the operator, not in the database being checked — a position stored in the database could
 * be rewritten together with the rows it vouches for.
 */
final class VerifiedPositionFile {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Path file;

  VerifiedPositionFile(Path clusterDir) {
    this.file = clusterDir.resolve("audit-verified.json");
  }

  Path path() {
    return file;
  }

  Optional<Position> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode stored = JSON.readTree(Files.readString(file));
      long seq = stored.path("seq").asLong(-1);
      String hash = stored.path("hash").asText("");
      if (seq < 1 || !hash.matches("[0-9a-f]{64}")) {
        throw new IllegalStateException(file + " is not a verified position; delete it or run"
            + " audit verify without --incremental");
      }
      return Optional.of(new Position(seq, hash));
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file atomically, so a crash leaves the old position or the new one. */
  void write(Position position, Instant verifiedAt) {
    Map<String, Object> stored = new LinkedHashMap<>();
    stored.put("seq", position.seq());
    stored.put("hash", position.hash());
    stored.put("verifiedAt", verifiedAt.toString());
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, JSON.writeValueAsString(stored) + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
