package br.prontuario.edge.site.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ForkPointTest {

  @TempDir Path dir;

  @Test
  void recordsTheForkWithTheHeartbeatAgeAndArchivesItOnFailback() throws Exception {
    ForkPoint fork = new ForkPoint("0/3000060", 3, Instant.parse("2026-01-01T10:00:05Z"),
        Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:03.500Z"), 1.25);

    fork.write(dir);
    JsonNode json = JsonMapper.shared().readTree(dir.resolve(ForkPoint.FILE).toFile());

    assertThat(json.path("lastReplayedLsn").asString()).isEqualTo("0/3000060");
    assertThat(json.path("timeline").asInt()).isEqualTo(3);
    assertThat(json.path("promotedAt").asString()).isEqualTo("2026-01-01T10:00:05Z");
    assertThat(json.path("heartbeatAgeAtPromotionSeconds").asDouble()).isEqualTo(1.5);
    assertThat(ForkPoint.isRecorded(dir)).isTrue();

    ForkPoint.archive(dir, Instant.ofEpochMilli(42));

    assertThat(ForkPoint.isRecorded(dir)).isFalse();
    assertThat(Files.exists(dir.resolve("fork-point-42.json"))).isTrue();
  }

  @Test
  void aForkOfACloudThatWasAlreadyPrimaryHasNoReplayPosition() throws Exception {
    new ForkPoint(null, 2, Instant.EPOCH, null, null, 0.5).write(dir);

    JsonNode json = JsonMapper.shared().readTree(dir.resolve(ForkPoint.FILE).toFile());
    assertThat(json.path("lastReplayedLsn").isNull()).isTrue();
    assertThat(json.path("heartbeatAgeAtPromotionSeconds").isNull()).isTrue();
  }
}
