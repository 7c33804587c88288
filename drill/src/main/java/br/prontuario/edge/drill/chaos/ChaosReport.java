package br.prontuario.edge.drill.chaos;

import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.report.ReportFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A soak's report, {@code DIR/drills/chaos/<timestamp>-chaos.json}: the seed and the faults as
 * they happened (enough to replay it), the leader's moves and the checker's verdict. No note text
 * and no patient data: notes are named by id.
 */
public record ChaosReport(long seed, int minutes, Instant startedAt, Instant endedAt, int clients,
    List<InjectedFault> faults, List<ControllerEvent> leaderMoves, ChaosVerdict verdict,
    boolean passed) {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public static ChaosReport of(ChaosHistory history, int clients) {
    ChaosVerdict verdict = HistoryCheck.of(history);
    return new ChaosReport(history.seed(), history.minutes(), history.startedAt(),
        history.endedAt(), clients, history.faults(), history.leaderMoves(), verdict,
        verdict.passed());
  }

  /** Writes the report beside the drills' and returns its path. */
  public Path write(Path clusterDir) {
    Path dir = clusterDir.resolve("drills").resolve("chaos");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(STAMP.format(startedAt) + "-chaos.json");
      Files.writeString(file, ReportFiles.toJson(this), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the chaos report under " + dir, e);
    }
  }
}
