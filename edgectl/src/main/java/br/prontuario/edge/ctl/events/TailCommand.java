package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
        + " new ones (Ctrl-C stops; --count N stops after N).",
        "With --bus, the same events as the Kafka topic holds them, each once (copies the relay"
        + " published again are counted, not printed)."})
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

  @Option(names = "--bus", description = "read the Kafka topic (what bus consumers get) instead of the outbox")
  boolean bus;

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
    if (bus) {
      return tailBus(out);
    }
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

  /**
   * The topic read from its start: the events on it now in sequence order (the last --lines, or
   * those after --after), then, with --follow, new ones as the bus delivers them.
   */
  private int tailBus(PrintWriter out) throws InterruptedException {
    ClusterDescriptor.Bus described = BusReader.described(dir);
    int printed = 0;
    try (BusReader reader = new BusReader(described)) {
      List<BusReader.BusEvent> now = new ArrayList<>(reader.readToEnd().stream()
          .filter(e -> type == null || type.equals(e.type()))
          .filter(e -> after == null || e.seq() > after)
          .sorted(Comparator.comparingLong(BusReader.BusEvent::seq)).toList());
      List<BusReader.BusEvent> shown = after != null ? now : now.subList(Math.max(0, now.size() - lines), now.size());
      for (BusReader.BusEvent event : shown) {
        if (count != null && printed >= count) {
          break;
        }
        print(out, event);
        printed++;
      }
      out.flush();
      while (follow && (count == null || printed < count)) {
        for (BusReader.BusEvent event : reader.poll()) {
          if ((type == null || type.equals(event.type())) && (count == null || printed < count)) {
            print(out, event);
            printed++;
          }
        }
        out.flush();
      }
      if (!json) {
        if (printed == 0) {
          out.println("no events");
        }
        if (reader.duplicates() > 0) {
          out.printf("(%d copies of events already printed were skipped: published again after a failover)%n",
              reader.duplicates());
        }
      }
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
    print(out, r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
        r.getTimestamp(6).toInstant().toString(), Map.of());
  }

  /** The same line or object as an outbox event, and where on the topic it was. */
  private void print(PrintWriter out, BusReader.BusEvent e) {
    Map<String, Object> where = new LinkedHashMap<>();
    where.put("partition", e.partition());
    where.put("offset", e.offset());
    print(out, e.seq(), e.eventId(), e.type(), e.patientId(), e.resourceId(), e.occurredAt(), where);
  }

  private void print(PrintWriter out, long seq, String eventId, String type, String patientId,
      String resourceId, String occurredAt, Map<String, Object> where) {
    if (json) {
      Map<String, Object> event = new LinkedHashMap<>();
      event.put("seq", seq);
      event.put("eventId", eventId);
      event.put("type", type);
      event.put("patientId", patientId);
      event.put("resourceId", resourceId);
      event.put("occurredAt", occurredAt);
      event.putAll(where);
      out.println(JSON.writeValueAsString(event));
    } else {
      String suffix = where.isEmpty() ? "" : where.entrySet().stream()
          .map(w -> w.getKey() + " " + w.getValue()).collect(Collectors.joining(", ", "  (", ")"));
      out.printf("%d  %s  %-24s %s  %s%s%n", seq, occurredAt, type, resourceId, eventId, suffix);
    }
  }
}
