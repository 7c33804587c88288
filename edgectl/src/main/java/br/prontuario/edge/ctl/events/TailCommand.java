package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl events tail}: the clinical events as the outbox holds them, in sequence order,
 * the same events (ids and type, no chart content) the relay delivers. The last {@code --lines},
 * or those after {@code --after}; {@code --follow} keeps printing new ones as they commit.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
    description = {"Print the clinical events in sequence order (the transactional outbox the"
        + " webhooks are fed from): the last --lines, or those after --after SEQ; --follow waits for"
        + " new ones (Ctrl-C stops; --count N stops after N)."})
public final class TailCommand implements Callable<Integer> {

  static final Duration POLL = Duration.ofMillis(500);
  private static final int BATCH = 500;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Spec CommandSpec spec;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Option(names = "--lines", defaultValue = "10", description = "how many of the latest to start with (0-10000), default 10")
  int lines;

  @Option(names = "--after", paramLabel = "SEQ", description = "start after this sequence number instead")
  Long after;

  @Option(names = "--type", description = "only events of this type (e.g. note.created)")
  String type;

  @Option(names = {"-f", "--follow"}, description = "keep printing events as they are written")
  boolean follow;

  @Option(names = "--count", description = "stop after printing this many (with --follow)")
  Integer count;

  @Option(names = "--json", description = "one JSON object per event")
  boolean json;

  @Override
  public Integer call() throws SQLException, InterruptedException {
    if (lines < 0 || lines > 10_000) {
      throw new ParameterException(spec.commandLine(), "--lines must be between 0 and 10000");
    }
    if (after != null && after < 0) {
      throw new ParameterException(spec.commandLine(), "--after must be a sequence number (0 or more)");
    }
    if (count != null && count < 1) {
      throw new ParameterException(spec.commandLine(), "--count must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    ClusterDatabase database = ClusterDatabase.read(dir);
    int printed = 0;
    try (Connection c = database.connect()) {
      long position = after != null ? after : startOfLast(c, lines);
      do {
        try (PreparedStatement q = c.prepareStatement("SELECT seq, event_id, type, patient_id,"
            + " resource_id, occurred_at FROM outbox_events WHERE seq > ?"
            + " AND (?::text IS NULL OR type = ?) ORDER BY seq LIMIT " + BATCH)) {
          q.setLong(1, position);
          q.setString(2, type);
          q.setString(3, type);
          try (ResultSet r = q.executeQuery()) {
            while (r.next() && (count == null || printed < count)) {
              position = r.getLong(1);
              print(out, r);
              printed++;
            }
          }
        }
        out.flush();
        if (follow && (count == null || printed < count)) {
          Thread.sleep(POLL.toMillis());
        }
      } while (follow && (count == null || printed < count));
    }
    if (!follow && printed == 0 && !json) {
      out.println("no events");
    }
    out.flush();
    return 0;
  }

  /** The sequence number just before the last {@code lines} events (of the type, if one is given). */
  private long startOfLast(Connection c, int lines) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT coalesce(min(seq) - 1, (SELECT coalesce(max(seq), 0)"
        + " FROM outbox_events)) FROM (SELECT seq FROM outbox_events WHERE (?::text IS NULL OR type = ?)"
        + " ORDER BY seq DESC LIMIT ?) last")) {
      q.setString(1, type);
      q.setString(2, type);
      q.setInt(3, lines);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private void print(PrintWriter out, ResultSet r) throws SQLException {
    if (json) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("seq", r.getLong(1));
      event.put("eventId", r.getString(2));
      event.put("type", r.getString(3));
      event.put("patientId", r.getString(4));
      event.put("resourceId", r.getString(5));
      event.put("occurredAt", r.getTimestamp(6).toInstant().toString());
      out.println(JSON.writeValueAsString(event));
    } else {
      out.printf("%d  %s  %-24s %s  %s%n", r.getLong(1), r.getTimestamp(6).toInstant(), r.getString(3),
          r.getString(5), r.getString(2));
    }
  }
}
