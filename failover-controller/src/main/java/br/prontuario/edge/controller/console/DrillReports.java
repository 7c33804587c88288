package br.prontuario.edge.controller.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drill history as {@code edgectl drill history} lists it: the reports under
 * {@code DIR/drills/} ({@code <stamp>-<scenario>.json} with its {@code .html}). Only the figures the
 * console charts are read (scenario, times, RTO, lost writes, verdict), never note ids.
 */
final class DrillReports {

  /** A report's name as the drill writes it; nothing else is ever opened. */
  static final String ID = "[0-9]{8}T[0-9]{6}Z-[a-z-]{1,40}";

  private final Optional<Path> drills;

  DrillReports(Optional<Path> clusterDir) {
    this.drills = clusterDir.map(d -> d.resolve("drills"));
  }

  /** One run of a drill: the chart's point. */
  record Run(int run, Instant startedAt, Double rtoSeconds, int lostAcknowledgedWrites, boolean passed) {}

  record Report(String id, String scenario, Instant startedAt, Instant finishedAt, boolean passed, int runs,
      int passedRuns, List<Run> runDetails, boolean hasHtml) {}

  /** Oldest first; a report the drill is still writing (unreadable) is left out until it is whole. */
  List<Report> history() {
    if (drills.isEmpty() || !Files.isDirectory(drills.get())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(drills.get())) {
      List<Report> reports = new ArrayList<>();
      for (Path f : files.filter(p -> p.getFileName().toString().matches(ID + "\\.json")).sorted().toList()) {
        read(f).ifPresent(reports::add);
      }
      return reports;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + drills.get(), e);
    }
  }

  /** The drill's own HTML report, when {@code id} names one. */
  Optional<Path> html(String id) {
    if (!id.matches(ID)) {
      return Optional.empty();
    }
    return drills.map(d -> d.resolve(id + ".html")).filter(Files::isRegularFile);
  }

  private Optional<Report> read(Path json) {
    String id = json.getFileName().toString().replaceFirst("\\.json$", "");
    JsonNode report;
    try {
      report = JsonMapper.shared().readTree(json.toFile());
    } catch (JacksonException e) {
      return Optional.empty();
    }
    List<Run> runs = new ArrayList<>();
    for (JsonNode r : report.path("runs")) {
      runs.add(new Run(r.path("run").asInt(), instant(r.path("startedAt")),
          r.path("rtoSeconds").isNumber() ? r.path("rtoSeconds").asDouble() : null,
          r.path("lostAcknowledgedWrites").asInt(), r.path("passed").asBoolean()));
    }
    JsonNode summary = report.path("summary");
    return Optional.of(new Report(id, report.path("scenario").asString(), instant(report.path("startedAt")),
        instant(report.path("finishedAt")), summary.path("passed").asBoolean(), summary.path("runs").asInt(),
        summary.path("passedRuns").asInt(), runs, Files.isRegularFile(json.resolveSibling(id + ".html"))));
  }

  private static Instant instant(JsonNode node) {
    if (node.isNumber()) {
      // Jackson's default for Instant: seconds with a fraction
      double seconds = node.asDouble();
      return Instant.ofEpochSecond((long) Math.floor(seconds), Math.round((seconds - Math.floor(seconds)) * 1e9));
    }
    return node.isString() ? Instant.parse(node.asString()) : null;
  }
}
