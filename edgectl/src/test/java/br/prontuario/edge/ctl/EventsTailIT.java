package br.prontuario.edge.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.SharedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** events tail against a real PostgreSQL with a node's outbox table. */
class EventsTailIT {

  private static int databases;
  private String url;
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void anOutboxWithTwelveEvents() throws Exception {
    url = SharedPostgres.database("edgectl_events_tail_" + (++databases));
    sql(Files.readString(Path.of("../edge-node/src/main/resources/db/migration/edge/V111__outbox_events.sql")));
    for (int i = 1; i <= 12; i++) {
      event(i % 3 == 0 ? "allergy.recorded" : "note.created", "r" + i);
    }
    Files.writeString(dir.resolve("cluster.json"), "{\"entrypoint\":\"http://127.0.0.1:1\","
        + "\"database\":{\"jdbcUrl\":\"" + url + "\",\"username\":\"postgres\",\"password\":\"\"}}");
  }

  @Test
  void printsTheLastTenInSequenceOrder() {
    assertThat(run("events", "tail", "--json", "--dir", dir.toString())).isZero();

    List<JsonNode> events = json();
    assertThat(events).extracting(e -> e.get("seq").asLong()).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    assertThat(events.get(0).get("resourceId").asString()).isEqualTo("r3");
    assertThat(events.get(0).get("type").asString()).isEqualTo("allergy.recorded");
  }

  @Test
  void afterASequenceNumberAndOfOneType() {
    assertThat(run("events", "tail", "--after", "5", "--type", "note.created", "--json",
        "--dir", dir.toString())).isZero();

    assertThat(json()).extracting(e -> e.get("seq").asLong()).containsExactly(7L, 8L, 10L, 11L);
  }

  @Test
  void followPrintsWhatCommitsLaterAndStopsAfterCount() throws Exception {
    CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> run("events", "tail",
        "--lines", "0", "--follow", "--count", "2", "--json", "--dir", dir.toString()));
    Thread.sleep(1000);
    assertThat(tail).isNotDone();

    event("note.created", "late-1");
    event("note.amended", "late-2");

    assertThat(tail.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(json()).extracting(e -> e.get("resourceId").asString()).containsExactly("late-1", "late-2");
  }

  @Test
  void anEmptyOutboxSaysSoAndBadOptionsAreOneLine() throws Exception {
    sql("DELETE FROM outbox_events");
    assertThat(run("events", "tail", "--dir", dir.toString())).isZero();
    assertThat(out.toString()).isEqualTo("no events\n");

    assertThat(run("events", "tail", "--lines", "-1", "--dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString().strip()).isEqualTo("edgectl: --lines must be between 0 and 10000");
  }

  private void event(String type, String resource) throws Exception {
    sql("INSERT INTO outbox_events (event_id, type, patient_id, resource_id, occurred_at) VALUES ('"
        + UUID.randomUUID() + "', '" + type + "', '" + UUID.randomUUID() + "', '" + resource + "', now())");
  }

  private void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  private List<JsonNode> json() {
    JsonMapper mapper = JsonMapper.builder().build();
    return out.toString().lines().map(mapper::readTree).toList();
  }

  private int run(String... args) {
    var cli = EdgeCtl.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
