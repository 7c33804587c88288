package br.prontuario.edge.site.activation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the cloud's history left the edge's: the last WAL position the standby replayed, the new
 * timeline it was promoted to, and when. Everything the cloud writes afterwards is what failback
 * must carry back. Kept in {@code DIR/cloud/fork-point.json} while the emergency lasts, then
 * archived beside it by failback. (The merge's own identity, the fork id, is the cloud's: it
 * derives it from its audit chain, so the controller and edgectl merge under the same one.)
 */
@JsonPropertyOrder({"lastReplayedLsn", "timeline", "promotedAt", "lastReplayedTransactionAt",
    "lastEdgeHeartbeat", "heartbeatAgeAtPromotionSeconds", "activationSeconds"})
public record ForkPoint(String lastReplayedLsn, int timeline, Instant promotedAt,
    Instant lastReplayedTransactionAt, Instant lastEdgeHeartbeat, double activationSeconds) {

  public static final String FILE = "fork-point.json";
  private static final JsonMapper JSON = JsonMapper.shared();

  /** Seconds of edge history the cloud may lack: promotion time minus the newest heartbeat seen. */
  @JsonProperty("heartbeatAgeAtPromotionSeconds")
  public Double heartbeatAgeAtPromotion() {
    return lastEdgeHeartbeat == null ? null
        : (promotedAt.toEpochMilli() - lastEdgeHeartbeat.toEpochMilli()) / 1000.0;
  }

  @JsonIgnore
  public String toJson() {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
  }

  public void write(Path cloudDir) {
    try {
      Files.createDirectories(cloudDir);
      Files.writeString(cloudDir.resolve(FILE), toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether an activation from this DIR is still open (recorded and not failed back yet). */
  public static boolean isRecorded(Path cloudDir) {
    return Files.exists(cloudDir.resolve(FILE));
  }

  /** Ends the emergency's record: the next activation writes a fresh one. */
  public static void archive(Path cloudDir, Instant failedBackAt) {
    Path file = cloudDir.resolve(FILE);
    if (!Files.exists(file)) {
      return;
    }
    try {
      Files.move(file, cloudDir.resolve("fork-point-" + failedBackAt.toEpochMilli() + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
