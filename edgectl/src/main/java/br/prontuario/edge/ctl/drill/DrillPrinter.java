package br.prontuario.edge.ctl.drill;

import br.prontuario.edge.drill.measure.DrillSummary;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.Stats;
import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** How a drill shows on the terminal: a table for people, JSON lines for scripts. */
final class DrillPrinter {

  private static final JsonMapper JSON = JsonMapper.shared();

  private DrillPrinter() {}

  static void json(DrillReport report, Path file, PrintWriter out) {
    for (RunMeasurement run : report.runs()) {
      out.println(JSON.writeValueAsString(runObject(run)));
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("summary", report.summary());
    summary.put("report", file.toString());
    summary.put("html", html(file).toString());
    out.println(JSON.writeValueAsString(summary));
  }

  static Map<String, Object> runObject(RunMeasurement run) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("scenario", run.scenario());
    o.put("run", run.run());
    o.put("rtoSeconds", run.rtoSeconds());
    o.put("lostAcknowledgedWrites", run.lostAcknowledgedWrites());
    o.put("duplicatedWrites", run.duplicatedWrites());
    o.put("rpoSeconds", run.rpoSeconds());
    o.put("passed", run.passed());
    o.put("detectionSeconds", run.detectionSeconds());
    o.put("promotionSeconds", run.promotionSeconds());
    o.put("reroutingSeconds", run.reroutingSeconds());
    o.put("ackedWrites", run.ackedWrites());
    o.put("failedWrites", run.failedWrites());
    o.put("failedWriteAnswers", run.failedWriteAnswers());
    o.put("slowestWriteSeconds", run.slowestWriteSeconds());
    if (run.dualPrimaryWindowSeconds() != null) {
      o.put("writesAckedByIsolatedPrimary", run.writesAckedByIsolatedPrimary());
      o.put("dualPrimaryWindowSeconds", run.dualPrimaryWindowSeconds());
    }
    o.put("misses", run.misses());
    return o;
  }

  static void text(DrillReport report, Path file, PrintWriter out) {
    DrillSummary s = report.summary();
    out.printf(Locale.ROOT, "%s: %d/%d runs passed (%s)%n", s.scenario(), s.passedRuns(), s.runs(),
        s.passed() ? "PASS" : "FAIL");
    out.printf(Locale.ROOT, "  %-26s %8s %8s %8s%n", "", "median", "p95", "max");
    row(out, "RTO (s)", s.rtoSeconds());
    row(out, "RPO (s)", s.rpoSeconds());
    row(out, "lost acknowledged writes", s.lostAcknowledgedWrites());
    row(out, "duplicated writes", s.duplicatedWrites());
    // write attempts not acknowledged, each replayed by the client with its Idempotency-Key:
    // what a clinician's app had to retry (0 is the target of a planned switchover)
    out.printf(Locale.ROOT, "  %-26s %s (per run)%s%n", "failed client requests", report.runs().stream()
        .map(r -> Integer.toString(r.failedWrites())).collect(java.util.stream.Collectors.joining(" ")),
        Scenario.find(s.scenario()).map(sc -> ", client timeout " + sc.clientTimeout().toSeconds() + " s")
            .orElse(""));
    for (RunMeasurement r : report.runs()) {
      if (!r.failedWriteAnswers().isEmpty()) {
        out.printf(Locale.ROOT, "    run %d: %s%n", r.run(), r.failedWriteAnswers().entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", ")));
      }
    }
    row(out, "detection (s)", s.detectionSeconds());
    row(out, "promotion (s)", s.promotionSeconds());
    row(out, "slowest acked write (s)", s.slowestWriteSeconds());
    if (report.runs().stream().anyMatch(r -> r.dualPrimaryWindowSeconds() != null)) {
      // the direct commit probes of a scenario that cut links: both must be 0
      out.printf(Locale.ROOT, "  %-26s %s (per run)%n", "acked without the lease", report.runs().stream()
          .map(r -> String.valueOf(r.writesAckedByIsolatedPrimary()))
          .collect(java.util.stream.Collectors.joining(" ")));
      out.printf(Locale.ROOT, "  %-26s %s (per run)%n", "dual-primary window (s)", report.runs().stream()
          .map(r -> num(r.dualPrimaryWindowSeconds())).collect(java.util.stream.Collectors.joining(" ")));
    }
    for (RunMeasurement r : report.runs()) {
      if (!r.passed()) {
        out.printf(Locale.ROOT, "  run %d failed: %s%n", r.run(), String.join("; ", r.misses()));
      }
    }
    out.println("report: " + html(file));
  }

  static String historyLine(DrillReport r) {
    Stats rto = r.summary().rtoSeconds();
    return String.format(Locale.ROOT, "%s  %-24s runs %3d  passed %3d  RTO median %s p95 %s max %s"
            + "  lost max %s  duplicated max %s  %s", r.startedAt(), r.scenario(),
        r.summary().runs(),
        r.summary().passedRuns(), num(rto.median()), num(rto.p95()), num(rto.max()),
        num(r.summary().lostAcknowledgedWrites().max()),
        num(r.summary().duplicatedWrites().max()), r.summary().passed() ? "PASS" : "FAIL");
  }

  static String historyJson(DrillReport r) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("startedAt", r.startedAt().toString());
    o.put("scenario", r.scenario());
    o.put("summary", r.summary());
    return JSON.writeValueAsString(o);
  }

  private static void row(PrintWriter out, String label, Stats s) {
    out.printf(Locale.ROOT, "  %-26s %8s %8s %8s%n", label, num(s.median()), num(s.p95()),
        num(s.max()));
  }

  private static String num(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static Path html(Path json) {
    return json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".html"));
  }
}
