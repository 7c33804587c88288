package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.cluster.OpsToken;
import br.prontuario.edge.localcluster.process.Pause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failback: have cloud-fallback merge every cloud write since the fork into the edge (idempotent),
 * route clinicians to the edge leader, merge again, re-seed the cloud standby from the edge and
 * write a report. Clinicians reach the edge only after the first merge, so nothing written in the
 * cloud is missing there; the second merge catches what arrived in between, and it must be the
 * last (nothing new) before the cloud copy is wiped. The failover controller does the merge and
 * the routing itself when a node serves again; this then finds nothing new and re-seeds.
 */
public final class CloudFailback {

  /** Where cloud-fallback answers and what it needs to authorise the merge. */
  public record CloudApp(String baseUrl, String jwtSecret) {}

  /**
   * @param recordedFork the fork point failback had to record first, when the failover
   *     controller had promoted the cloud (it writes no fork point here)
   */
  public record Result(boolean merged, Path report, String json, Optional<ForkPoint> recordedFork) {}

  /** The drill's and the app's request timeout is 2 s; a write at the cloud is done by then. */
  private static final Duration IN_FLIGHT_DRAIN = Duration.ofSeconds(3);

  private static final Pattern FORK_ID = Pattern.compile("\"forkId\":\\s*\"([0-9a-f-]{36})\"");

  private final CloudDataPlane plane;
  private final String database;
  private final CloudApp app;
  private final Clock clock;

  public CloudFailback(CloudDataPlane plane, String database, CloudApp app, Clock clock) {
    this.plane = plane;
    this.database = database;
    this.app = app;
    this.clock = clock;
  }

  /** {@code entry} null = no routing step (tests without an entry HAProxy). */
  public Result run(HaproxyCommands entry, Duration reseedTimeout) {
    Instant started = clock.instant();
    requireEdgePrimary();
    if (!plane.isPrimary()) {
      return write(started, null, "null", false, "nothing to fail back: the cloud follows the edge",
          Optional.empty());
    }
    // promoted by the failover controller, which writes nothing here: its LSN, timeline and
    // heartbeat are still the promotion's, only the activation time is not
    Optional<ForkPoint> recordedFork = ForkPoint.isRecorded(plane.dir()) ? Optional.empty()
        : Optional.of(new CloudActivation(plane, database, clock).activate(null, null, 0,
            Duration.ofSeconds(60)));
    String merge = merge();
    if (entry != null) {
      entry.routeToEdge(edgeLeader(plane.upstreams()));
      // requests already at the cloud when its path closed still commit there
      Pause.millis(IN_FLIGHT_DRAIN.toMillis());
    }
    merge(); // what clinicians wrote in the cloud between the first merge and the routing
    String last = merge();
    if (!last.contains("\"notes\":[]") || !last.contains("\"entries\":[]")) {
      throw new IllegalStateException("cloud writes still arriving after routing to the edge;"
          + " nothing was wiped, run it again: " + summary(last));
    }
    plane.reseed(reseedTimeout);
    ForkPoint.archive(plane.dir(), started);
    return write(started, forkId(merge), merge, true,
        "merged, routed back to the edge, cloud re-seeded", recordedFork);
  }

  /** Counts only: the ids are clinical record ids. */
  private static String summary(String merge) {
    return merge.replaceAll("\"[0-9a-f-]{36}\"", "id").replaceAll("(id,)+id", "ids");
  }

  /** Waits briefly (the gateway re-checks the edge every second) before giving up. */
  private void requireEdgePrimary() {
    if (!Waits.until(this::edgeHasPrimary, Duration.ofSeconds(30), 500)) {
      throw new IllegalStateException("the edge has no reachable primary; fail back once it is healthy");
    }
  }

  private boolean edgeHasPrimary() {
    try (Connection c = DriverManager.getConnection(plane.edgeJdbcUrl(database),
        creds().superuser(), creds().superuserPassword());
        ResultSet rs = c.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && !rs.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The node whose Patroni answers {@code /primary}: the one clinicians go back to. */
  private static String edgeLeader(List<EdgeUpstream> edgeNodes) {
    return edgeNodes.stream().filter(n -> n.patroniPort() != null)
        .filter(n -> Http.get("http://" + n.host() + ":" + n.patroniPort() + "/primary")
            .map(r -> r.status() == 200).orElse(false))
        .map(EdgeUpstream::name).findFirst()
        .orElseThrow(() -> new IllegalStateException("no edge node's Patroni reports the primary"));
  }

  private String merge() {
    String token = OpsToken.mint(app.jwtSecret(), "edgectl-failback", clock.instant(),
        Duration.ofMinutes(5));
    Http.Reply reply = Http.send("POST", app.baseUrl() + "/api/v1/ops/failback/merge", "{}",
        token, Duration.ofMinutes(5))
        .orElseThrow(() -> new IllegalStateException("cloud-fallback unreachable at " + app.baseUrl()));
    if (reply.status() != 200) {
      throw new IllegalStateException("cloud-fallback refused the merge (" + reply.status() + "): "
          + reply.body());
    }
    return reply.body();
  }

  private static String forkId(String merge) {
    Matcher m = FORK_ID.matcher(merge);
    return m.find() ? m.group(1) : null;
  }

  private Result write(Instant started, String forkId, String merge, boolean merged,
      String outcome, Optional<ForkPoint> recordedFork) {
    String json = "{\n  \"forkId\": " + (forkId == null ? "null" : Http.quote(forkId))
        + ",\n  \"startedAt\": \"" + started + "\",\n  \"finishedAt\": \"" + clock.instant()
        + "\",\n  \"outcome\": " + Http.quote(outcome) + ",\n  \"routing\": \"edge\",\n"
        + "  \"cloud\": \"standby of the edge\",\n  \"merge\": " + merge + "\n}\n";
    Path report = plane.dir().resolve("failback-" + started.toEpochMilli() + ".json");
    try {
      Files.writeString(report, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Result(merged, report, json, recordedFork);
  }

  private StandbyCredentials creds() {
    return plane.credentials();
  }
}
