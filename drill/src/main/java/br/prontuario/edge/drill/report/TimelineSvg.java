package br.prontuario.edge.drill.report;

import br.prontuario.edge.drill.measure.ControllerEvent;
import br.prontuario.edge.drill.measure.RunMeasurement;
import br.prontuario.edge.drill.measure.SeriesPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One run's timeline as inline SVG: error rate (bars) and median latency (line) per second, the
 * seconds the cloud answered (a strip along the top), and the fault, detection, promotion,
 * re-routing and first success as vertical markers.
 */
final class TimelineSvg {

  static final String LEGEND = "<p class=\"legend\"><span style=\"color:#c62828\">■ error rate</span>"
      + "<span style=\"color:#1565c0\">— p50 latency</span><span>| fault</span>"
      + "<span style=\"color:#ef6c00\">| detection</span><span style=\"color:#6a1b9a\">| promotion"
      + "</span><span style=\"color:#00838f\">| re-routing</span>"
      + "<span style=\"color:#1a7f37\">| first success</span>"
      + "<span style=\"color:#7e57c2\">▬ answered by the cloud</span></p>\n";

  private static final int WIDTH = 900;
  private static final int HEIGHT = 260;
  private static final int LEFT = 50;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;

  private final RunMeasurement run;
  private final double span;
  private final double maxLatency;

  TimelineSvg(RunMeasurement run) {
    this.run = run;
    double lastPoint = run.series().isEmpty() ? 1
        : run.series().get(run.series().size() - 1).offsetSeconds() + 1;
    this.span = Math.max(lastPoint, 1);
    this.maxLatency = Math.max(1, run.series().stream().mapToDouble(SeriesPoint::p50Millis).max()
        .orElse(1));
  }

  String render() {
    StringBuilder svg = new StringBuilder(8192);
    svg.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
        + "role=\"img\" aria-label=\"run %d timeline\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT, run.run()));
    axes(svg);
    double barWidth = Math.max(1, plotWidth() / span - 1);
    StringBuilder line = new StringBuilder();
    for (SeriesPoint p : run.series()) {
      double x = x(p.offsetSeconds());
      if (p.errors() > 0) {
        double h = p.errorRate() * plotHeight();
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#c62828\" "
                + "opacity=\"0.6\"><title>%.0f s: %d/%d failed</title></rect>\n",
            x, TOP + plotHeight() - h, barWidth, h, p.offsetSeconds(), p.errors(), p.requests()));
      }
      if (p.servedByCloud() > 0) {
        svg.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#7e57c2\">"
                + "<title>%.0f s: %d answered by the cloud</title></rect>\n",
            x, TOP - 8, barWidth + 1, p.offsetSeconds(), p.servedByCloud()));
      }
      if (p.requests() > 0) {
        line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x + barWidth / 2,
            TOP + plotHeight() - p.p50Millis() / maxLatency * plotHeight()));
      }
    }
    svg.append("<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\"")
        .append(line.toString().strip()).append("\"/>\n");
    marker(svg, run.faultAt(), "#000000", "fault");
    for (ControllerEvent e : run.events()) {
      marker(svg, e.at(), color(e.phase()), e.phase().name().toLowerCase(Locale.ROOT) + ": "
          + e.detail());
    }
    marker(svg, run.firstSuccessAt(), "#1a7f37", "first successful write");
    return svg.append("</svg>\n").toString();
  }

  private void axes(StringBuilder svg) {
    int bottom = TOP + plotHeight();
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
        + "stroke=\"#555\"/>\n", LEFT, bottom, WIDTH - RIGHT, bottom));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
        + "stroke=\"#555\"/>\n", LEFT, TOP, LEFT, bottom));
    int step = (int) Math.max(1, Math.ceil(span / 10));
    for (int t = 0; t <= span; t += step) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" "
          + "text-anchor=\"middle\">%d s</text>\n", x(t), bottom + 15, t));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">100%%</text>"
        + "<text x=\"4\" y=\"%d\" font-size=\"11\" fill=\"#1565c0\">%.0f ms</text>\n",
        TOP + 10, TOP + 24, maxLatency));
  }

  private void marker(StringBuilder svg, Instant at, String color, String label) {
    if (at == null) {
      return;
    }
    double x = x(Duration.between(run.startedAt(), at).toNanos() / 1e9);
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
        + "stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>%s</title></line>\n",
        x, TOP, x, TOP + plotHeight(), color, HtmlReport.esc(label)));
  }

  private static String color(ControllerEvent.Phase phase) {
    switch (phase) {
      case DETECTION:
        return "#ef6c00";
      case PROMOTION:
        return "#6a1b9a";
      case REROUTING:
        return "#00838f";
      default:
        return "#999999";
    }
  }

  private double x(double seconds) {
    return LEFT + Math.max(0, Math.min(seconds, span)) / span * plotWidth();
  }

  private static int plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static int plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }
}
