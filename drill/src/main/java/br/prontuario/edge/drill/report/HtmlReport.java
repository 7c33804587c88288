package br.prontuario.edge.drill.report;

import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.Stats;
import java.util.Locale;

/**
 * The drill report as one self-contained HTML page: inline CSS and inline SVG, no scripts and no
 * external references, so it can be mailed or archived as it is.
 */
final class HtmlReport {

  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
      + "text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}.pass{color:#1a7f37;"
      + "font-weight:bold}.fail{color:#c62828;font-weight:bold}svg{background:#fafafa;"
      + "border:1px solid #ddd}.legend span{margin-right:1.5em}";

  private final DrillReport report;

  HtmlReport(DrillReport report) {
    this.report = report;
  }

  String render() {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Drill ")
        .append(esc(report.scenario())).append(" ").append(report.startedAt())
        .append("</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>Failover drill: ").append(esc(report.scenario())).append(" ")
        .append(verdict(report.summary().passed())).append("</h1>\n");
    html.append("<p>Started ").append(report.startedAt()).append(", finished ")
        .append(report.finishedAt()).append(", ").append(report.runs().size()).append(" runs, ")
        .append(report.clients()).append(" clients. Target: ").append(esc(target()))
        .append(". Safe for production: ").append(report.safeForProduction() ? "yes" : "no")
        .append(".</p>\n");
    summaryTable(html);
    runsTable(html);
    for (RunMeasurement run : report.runs()) {
      html.append("<h2>Run ").append(run.run()).append(" ").append(verdict(run.passed()))
          .append("</h2>\n");
      html.append(new TimelineSvg(run).render());
      html.append(TimelineSvg.LEGEND);
    }
    return html.append("</body></html>\n").toString();
  }

  private String target() {
    var t = report.target();
    String rto = t.maxRto() == null ? "no RTO bound" : "RTO < " + t.maxRto().toSeconds() + " s";
    String rpo = t.maxRpo().isZero() ? "no acknowledged write lost"
        : "RPO < " + t.maxRpo().toSeconds() + " s";
    return rto + ", " + rpo + (t.noFailedWrites() ? ", no failed write" : "");
  }

  private void summaryTable(StringBuilder html) {
    var s = report.summary();
    html.append("<table><tr><th class=\"l\">over ").append(s.runs())
        .append(" runs</th><th>median</th><th>p95</th><th>max</th></tr>\n");
    row(html, "RTO (s)", s.rtoSeconds());
    row(html, "RPO (s)", s.rpoSeconds());
    row(html, "lost acknowledged writes", s.lostAcknowledgedWrites());
    row(html, "duplicated writes", s.duplicatedWrites());
    row(html, "detection (s)", s.detectionSeconds());
    row(html, "promotion (s)", s.promotionSeconds());
    row(html, "slowest acknowledged write (s)", s.slowestWriteSeconds());
    if (report.runs().stream().anyMatch(r -> r.dualPrimaryWindowSeconds() != null)) {
      row(html, "commits acked by a cut-off node without the lease", Stats.of(report.runs().stream()
          .map(r -> r.writesAckedByIsolatedPrimary() == null ? null
              : r.writesAckedByIsolatedPrimary().doubleValue()).toList()));
      row(html, "two nodes acknowledging at once (s)", Stats.of(report.runs().stream()
          .map(RunMeasurement::dualPrimaryWindowSeconds).toList()));
    }
    html.append("</table>\n");
  }

  private static void row(StringBuilder html, String label, Stats stats) {
    html.append("<tr><td class=\"l\">").append(label).append("</td><td>").append(num(stats.median()))
        .append("</td><td>").append(num(stats.p95())).append("</td><td>").append(num(stats.max()))
        .append("</td></tr>\n");
  }

  private void runsTable(StringBuilder html) {
    html.append("<table><tr><th>run</th><th>RTO (s)</th><th>detection (s)</th>"
        + "<th>promotion (s)</th><th>re-routing (s)</th><th>acked writes</th><th>lost</th>"
        + "<th>duplicated</th>"
        + "<th>RPO (s)</th><th>failed writes</th><th>slowest acknowledged write (s)</th>"
        + "<th class=\"l\">result</th></tr>\n");
    for (RunMeasurement r : report.runs()) {
      html.append("<tr><td>").append(r.run()).append("</td><td>").append(num(r.rtoSeconds()))
          .append("</td><td>").append(num(r.detectionSeconds())).append("</td><td>")
          .append(num(r.promotionSeconds())).append("</td><td>").append(num(r.reroutingSeconds()))
          .append("</td><td>").append(r.ackedWrites()).append("</td><td>")
          .append(r.lostAcknowledgedWrites()).append("</td><td>").append(r.duplicatedWrites())
          .append("</td><td>").append(num(r.rpoSeconds()))
          .append("</td><td>").append(r.failedWrites()).append("</td><td>")
          .append(num(r.slowestWriteSeconds())).append("</td><td class=\"l\">")
          .append(verdict(r.passed()))
          .append(r.misses().isEmpty() ? "" : " " + esc(String.join("; ", r.misses())))
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String verdict(boolean passed) {
    return passed ? "<span class=\"pass\">PASS</span>" : "<span class=\"fail\">FAIL</span>";
  }

  static String num(Double value) {
    return value == null ? "–" : String.format(Locale.ROOT, "%.2f", value);
  }

  static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
