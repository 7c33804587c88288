package br.prontuario.edge.ctl.events;

import br.prontuario.edge.ctl.users.ClusterDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code edgectl events dlq list [--subscriber S] [--json] [--bus]}: the dead deliveries, oldest
 * first; with {@code --bus}, as the dead-letter topic holds them (what monitoring on the bus sees).
 */
@Command(name = "list", description = {"List dead webhook deliveries.",
    "With --bus, as the Kafka dead-letter topic holds them, each once, with when each went dead."},
    mixinStandardHelpOptions = true)
public final class DlqListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", description = "cluster folder (default <repo>/.state/cluster)")
  Path dir;

  @Option(names = "--subscriber", description = "only this subscriber's")
  String subscriber;

  @Option(names = "--json", description = "print them as JSON")
  boolean json;

  @Option(names = "--bus", description = "read the dead-letter topic instead of the database")
  boolean bus;

  @Override
  public Integer call() throws SQLException {
    List<Map<String, Object>> dead = bus ? fromTheBus() : fromTheDatabase();
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(JsonMapper.builder().build().writeValueAsString(dead));
    } else if (dead.isEmpty()) {
      out.println("no dead deliveries");
    } else {
      for (Map<String, Object> row : dead) {
        out.printf("%s  %s  %s  %s  %d attempts, last: %s%s%n", row.get("subscriber"),
            row.get("eventId"), row.get("type"), row.get("occurredAt"), row.get("attempts"),
            row.get("lastError"), row.containsKey("deadAt") ? ", dead at " + row.get("deadAt") : "");
      }
    }
    return 0;
  }

  private List<Map<String, Object>> fromTheBus() {
    List<Map<String, Object>> dead = new ArrayList<>();
    try (BusReader reader = BusReader.deadLetters(BusReader.described(dir))) {
      for (BusReader.DeadLetter letter : reader.readDeadLettersToEnd()) {
        if (subscriber != null && !subscriber.equals(letter.subscriber())) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subscriber", letter.subscriber());
        row.put("eventId", letter.event().eventId());
        row.put("type", letter.event().type());
        row.put("occurredAt", letter.event().occurredAt());
        row.put("attempts", letter.attempts());
        row.put("lastError", letter.lastError());
        row.put("deadAt", letter.deadAt());
        dead.add(row);
      }
    }
    return dead;
  }

  private List<Map<String, Object>> fromTheDatabase() throws SQLException {
    List<Map<String, Object>> dead = new ArrayList<>();
    try (Connection c = ClusterDatabase.read(dir).connect();
        PreparedStatement q = c.prepareStatement("SELECT d.subscriber, e.event_id, e.type,"
            + " e.occurred_at, d.attempts, d.last_error FROM webhook_deliveries d"
            + " JOIN outbox_events e ON e.seq = d.event_seq WHERE d.status = 'dead'"
            + " AND (?::text IS NULL OR d.subscriber = ?) ORDER BY d.subscriber, d.event_seq")) {
      q.setString(1, subscriber);
      q.setString(2, subscriber);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("subscriber", r.getString(1));
          row.put("eventId", r.getString(2));
          row.put("type", r.getString(3));
          row.put("occurredAt", r.getString(4));
          row.put("attempts", r.getInt(5));
          row.put("lastError", r.getString(6));
          dead.add(row);
        }
      }
    }
    return dead;
  }
}
