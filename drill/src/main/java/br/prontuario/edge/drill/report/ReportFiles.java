package br.prontuario.edge.drill.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drill reports under {@code DIR/drills/}: {@code <timestamp>-<scenario>.json} and
 * {@code .html} per drill. Listing them is the drill history.
 */
public final class ReportFiles {

  static final JsonMapper JSON = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path drills;

  public ReportFiles(Path clusterDir) {
    this.drills = clusterDir.resolve("drills");
  }

  /** Writes both files; returns the JSON file's path. */
  public Path write(DrillReport report) {
    String base = STAMP.format(report.startedAt()) + "-" + report.scenario();
    try {
      Files.createDirectories(drills);
      Path json = drills.resolve(base + ".json");
      Files.writeString(json, toJson(report), StandardCharsets.UTF_8);
      Files.writeString(drills.resolve(base + ".html"), new HtmlReport(report).render(),
          StandardCharsets.UTF_8);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write drill report under " + drills, e);
    }
  }

  public static String toJson(Object value) {
    return JSON.writeValueAsString(value);
  }

  /** Past drills, oldest first. */
  public List<DrillReport> history() {
    if (!Files.isDirectory(drills)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(drills)) {
      List<DrillReport> reports = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        reports.add(JSON.readValue(f.toFile(), DrillReport.class));
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + drills, e);
    }
  }
}
