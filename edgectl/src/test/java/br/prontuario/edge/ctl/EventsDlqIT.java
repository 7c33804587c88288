package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** events subscribe|unsubscribe|dlq against a real PostgreSQL with a node's outbox tables. */
class EventsDlqIT {

  private static int databases;
  private String url;
  private final UUID dead = UUID.randomUUID();
  private final UUID delivered = UUID.randomUUID();
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void aDatabaseWithOneDeadAndOneDeliveredEvent() throws Exception {
    url = SharedPostgres.database("edgectl_events_dlq_" + (++databases));
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(Files.readString(Path.of(
          "../edge-node/src/main/resources/db/migration/edge/V111__outbox_events.sql")));
      s.execute("INSERT INTO outbox_events (event_id, type, resource_id, occurred_at) VALUES"
          + " ('" + dead + "', 'note.created', 'n1', now()), ('" + delivered + "', 'note.created',"
          + " 'n2', now())");
      s.execute("INSERT INTO webhook_deliveries (subscriber, event_seq, status, attempts,"
          + " next_attempt_at, last_error) SELECT 'lis', seq, CASE WHEN event_id = '" + dead
          + "' THEN 'dead' ELSE 'delivered' END, 8, now(), 'HTTP 503' FROM outbox_events");
    }
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"}}");
  }

  @Test
  void listsTheDeadDeliveryAndReplayPutsItBackToPendingOnce() throws SQLException {
    assertThat(run("events", "dlq", "list", "--json", "--dir", dir.toString())).isZero();
    JsonNode listed = JsonMapper.builder().build().readTree(out.toString());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("eventId").asString()).isEqualTo(dead.toString());
    assertThat(listed.get(0).get("lastError").asString()).isEqualTo("HTTP 503");

    out.getBuffer().setLength(0);
    assertThat(run("events", "dlq", "replay", "--subscriber", "lis", "--event", dead.toString(),
        "--dir", dir.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("1 deliveries back to pending");
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement();
        var r = s.executeQuery("SELECT status, attempts FROM webhook_deliveries d JOIN"
            + " outbox_events e ON e.seq = d.event_seq WHERE e.event_id = '" + dead + "'")) {
      r.next();
      assertThat(r.getString(1)).isEqualTo("pending");
      assertThat(r.getInt(2)).isZero();
    }
    assertThat(run("events", "dlq", "replay", "--dir", dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no dead delivery matches");
  }

  private int run(String... args) {
    return EdgeCtlRun.executeWithStdin(out, err, "", args);
  }

  @Test
  void subscribeValidatesRotatesAndUnsubscribeLeavesWhatWasOwedInTheDeadLetters()
      throws SQLException {
    String d = dir.toString();
    assertThat(subscribe("Bad Name", "https://lis.local/x", "segredo-compartilhado-1", d)).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("edgectl: subscriber name").doesNotContain("\n");
    assertThat(subscribe("lis", "ftp://lis.local/x", "segredo-compartilhado-1", d)).isEqualTo(2);
    assertThat(subscribe("lis", "https://lis.local/x", "curto", d)).isEqualTo(2);

    assertThat(subscribe("lis", "https://lis.local/x", "segredo-compartilhado-1", d)).isZero();
    assertThat(subscribe("lis", "https://lis2.local/x", "segredo-compartilhado-2", d)).isZero();
    assertThat(query("SELECT url || ' ' || secret FROM webhook_subscribers WHERE name = 'lis'"))
        .isEqualTo("https://lis2.local/x segredo-compartilhado-2");

    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("UPDATE webhook_deliveries SET status = 'pending' WHERE status = 'delivered'");
    }
    assertThat(run("events", "unsubscribe", "lis", "--dir", d)).isZero();
    assertThat(out.toString()).contains("1 events it had not received");
    assertThat(query("SELECT count(*) FROM webhook_subscribers")).isEqualTo("0");
    assertThat(query("SELECT last_error FROM webhook_deliveries d JOIN outbox_events e"
        + " ON e.seq = d.event_seq WHERE e.event_id = '" + delivered + "'")).isEqualTo("unsubscribed");
    assertThat(run("events", "unsubscribe", "lis", "--dir", d)).isEqualTo(1);
  }

  private int subscribe(String name, String target, String secret, String d) {
    err.getBuffer().setLength(0);
    return EdgeCtlRun.executeWithStdin(out, err, secret + "\n", "events", "subscribe", name, "--url", target,
        "--secret-stdin", "--dir", d);
  }

  private String query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }
}
