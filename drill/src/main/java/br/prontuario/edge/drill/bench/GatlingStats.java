package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measured figures of one Gatling run, read from its HTML report's statistics table (Gatling
 * 3.15 writes no JSON of them; the table's columns are found by their headings, and
 * api-load's gatling.conf fixes the percentiles at 50/75/95/99). Each row has an id and its
 * parent's, so a request's path is "mix / reads / read patient". The simulation names warm-up
 * requests and groups "warm-up …": those rows are left out.
 */
final class GatlingStats {

  private static final Pattern HEADING =
      Pattern.compile("<th id=\"col-(\\d+)\"[^>]*><span>(?:<abbr[^>]*>)?([^<]+)<");
  private static final Pattern ROW = Pattern.compile(
      "<tr id=\"([^\"]+)\"(?: data-parent=\"([^\"]*)\")?\\s*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
  private static final Pattern CELL =
      Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
  private static final Pattern ERROR = Pattern.compile(
      "<td class=\"error-col-1 total ko\">(.*?)</td>\\s*<td class=\"value error-col-2 total ko\">"
          + "\\s*(\\d+)", Pattern.DOTALL);
  private static final Pattern FOUND_STATUS = Pattern.compile("found (\\d{3})");

  private record Row(String name, String parent, Map<Integer, String> cells) {}

  private final Map<String, Map<Integer, String>> byPath;
  private final Map<String, Integer> columns;
  private final Map<String, Long> errors;
  private final double seconds;

  private GatlingStats(Map<String, Map<Integer, String>> byPath, Map<String, Integer> columns,
      Map<String, Long> errors, double seconds) {
    this.byPath = byPath;
    this.columns = columns;
    this.errors = errors;
    this.seconds = seconds;
  }

  static GatlingStats read(Path reportDir, Duration measured) {
    Path index = reportDir.resolve("index.html");
    try {
      return parse(Files.readString(index), measured);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read Gatling's figures in " + index + ": "
          + e.getMessage(), e);
    }
  }

  static GatlingStats parse(String html, Duration measured) {
    Map<String, Integer> columns = new HashMap<>();
    Matcher heading = HEADING.matcher(html);
    while (heading.find()) {
      columns.putIfAbsent(heading.group(2).strip(), Integer.parseInt(heading.group(1)));
    }
    for (String needed : new String[] {"Total", "KO", "50th pct", "95th pct", "99th pct", "Max"}) {
      if (!columns.containsKey(needed)) {
        throw new IllegalStateException("the report's statistics table has no \"" + needed
            + "\" column");
      }
    }
    Map<String, Row> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(html);
    while (row.find()) {
      Matcher name = NAME.matcher(row.group(3));
      if (!name.find()) {
        continue;
      }
      Map<Integer, String> cells = new HashMap<>();
      Matcher cell = CELL.matcher(row.group(3));
      while (cell.find()) {
        cells.put(Integer.parseInt(cell.group(1)), cell.group(2).strip());
      }
      rows.put(row.group(1), new Row(unescape(name.group(1)), row.group(2), cells));
    }
    Map<String, Map<Integer, String>> byPath = new LinkedHashMap<>();
    rows.forEach((id, r) -> {
      String path = path(r, rows);
      if (!"ROOT".equals(id) && !path.contains("warm-up ")) {
        byPath.put(path, r.cells());
      }
    });
    return new GatlingStats(byPath, columns, errors(html), measured.toMillis() / 1000.0);
  }

  OperationFigures operation(Operation op) {
    return figures(op == Operation.READ_PATIENT || op == Operation.READ_NOTES
        ? "mix / reads / " + op.gatlingName() : "mix / " + op.gatlingName());
  }

  /** Both reads together (the simulation's "reads" group). */
  OperationFigures reads() {
    return figures("mix / reads");
  }

  /** Every action of the mix (the "mix" group; token refreshes are outside it). */
  OperationFigures all() {
    return figures("mix");
  }

  /**
   * The report's errors table: the whole run's failed requests (warm-up included) by status, or
   * by Gatling's message when no HTTP status came back (a timeout, a refused connection).
   */
  Map<String, Long> non2xx() {
    return errors;
  }

  private OperationFigures figures(String path) {
    Map<Integer, String> cells = byPath.get(path);
    if (cells == null) {
      return new OperationFigures(0, 0, 0, 0, 0, 0, 0);
    }
    long count = (long) number(cells, "Total");
    return new OperationFigures(count, (long) number(cells, "KO"), count / seconds,
        number(cells, "50th pct"), number(cells, "95th pct"), number(cells, "99th pct"),
        number(cells, "Max"));
  }

  private double number(Map<Integer, String> cells, String column) {
    String text = cells.getOrDefault(columns.get(column), "-");
    return text.equals("-") || text.isEmpty() ? 0 : Double.parseDouble(text.replace(",", ""));
  }

  private static String path(Row row, Map<String, Row> rows) {
    Row parent = row.parent() == null ? null : rows.get(row.parent());
    if (parent == null || "ROOT".equals(row.parent())) {
      return row.name();
    }
    return path(parent, rows) + " / " + row.name();
  }

  private static Map<String, Long> errors(String html) {
    Map<String, Long> out = new LinkedHashMap<>();
    Matcher error = ERROR.matcher(html);
    while (error.find()) {
      // the cell carries a hidden sort index in a span after the message
      String message = unescape(error.group(1).replaceAll("<span[^>]*>[^<]*</span>", "")
          .replaceAll("<[^>]*>", "").strip());
      Matcher status = FOUND_STATUS.matcher(message);
      String key = status.find() ? status.group(1)
          : message.length() > 100 ? message.substring(0, 100) : message;
      out.merge(key, Long.parseLong(error.group(2)), Long::sum);
    }
    return out;
  }

  private static String unescape(String html) {
    return html.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }
}
