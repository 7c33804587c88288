package br.prontuario.edge.localcluster.cloud;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DIR/cloud/failback-<millis>.json}: what one {@code edgectl failback} did. {@code merge}
 * is cloud-fallback's report of the first merge as it came (null when there was nothing to fail
 * back).
 */
@JsonPropertyOrder({"forkId", "startedAt", "finishedAt", "outcome", "routing", "cloud", "merge"})
record FailbackReport(String forkId, Instant startedAt, Instant finishedAt, String outcome,
    String routing, String cloud, JsonNode merge) {

  private static final JsonMapper JSON = JsonMapper.shared();

  FailbackReport(String forkId, Instant startedAt, Instant finishedAt, String outcome,
      JsonNode merge) {
    this(forkId, startedAt, finishedAt, outcome, "edge", "standby of the edge", merge);
  }

  String toJson() {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
  }

  /** Writes it beside the fork point; returns the file. */
  Path write(Path cloudDir) {
    Path report = cloudDir.resolve("failback-" + startedAt.toEpochMilli() + ".json");
    try {
      Files.writeString(report, toJson());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return report;
  }
}
