package br.prontuario.edge.localcluster.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the cloud's history left the edge's: the last WAL position the standby replayed, the new
 * timeline it was promoted to, and when. Everything the cloud writes afterwards is what failback
 * must carry back. Kept in {@code DIR/cloud/fork-point.json}.
 */
public record ForkPoint(UUID forkId, String lastReplayedLsn, int timeline, Instant promotedAt,
    Instant lastReplayedTransactionAt, Instant lastEdgeHeartbeat, double activationSeconds) {

  public static final String FILE = "fork-point.json";

  /** Seconds of edge history the cloud may lack: promotion time minus the newest heartbeat seen. */
  public Double heartbeatAgeAtPromotion() {
    return lastEdgeHeartbeat == null ? null
        : (promotedAt.toEpochMilli() - lastEdgeHeartbeat.toEpochMilli()) / 1000.0;
  }

  public String toJson() {
    return "{\n  \"forkId\": \"" + forkId + "\",\n  \"lastReplayedLsn\": " + str(lastReplayedLsn)
        + ",\n  \"timeline\": " + timeline + ",\n  \"promotedAt\": " + str(promotedAt)
        + ",\n  \"lastReplayedTransactionAt\": " + str(lastReplayedTransactionAt)
        + ",\n  \"lastEdgeHeartbeat\": " + str(lastEdgeHeartbeat)
        + ",\n  \"heartbeatAgeAtPromotionSeconds\": " + heartbeatAgeAtPromotion()
        + ",\n  \"activationSeconds\": " + activationSeconds + "\n}\n";
  }

  public void write(Path cloudDir) {
    try {
      Files.createDirectories(cloudDir);
      Files.writeString(cloudDir.resolve(FILE), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fork id of the recorded activation, if the cloud was ever activated from this DIR. */
  public static Optional<UUID> recordedForkId(Path cloudDir) {
    Path file = cloudDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Matcher m = Pattern.compile("\"forkId\":\\s*\"([0-9a-f-]{36})\"")
          .matcher(Files.readString(file));
      return m.find() ? Optional.of(UUID.fromString(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String str(Object value) {
    return value == null ? "null" : Http.quote(value.toString());
  }
}
