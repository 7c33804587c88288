package br.prontuario.edge.localcluster.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Failback: route clinicians away from the cloud, have cloud-fallback merge every cloud write since
 * the fork into the edge (idempotent), re-seed the cloud standby from the edge, write a report.
 * Routing leaves the cloud before the merge, and a last merge must find nothing new before the
 * cloud copy is wiped, so no emergency write can fall between the two.
 */
public final class CloudFailback {

  /** Where cloud-fallback answers and what it needs to authorise the merge. */
  public record CloudApp(String baseUrl, String jwtSecret) {}

  /**
   * @param recordedFork the fork point failback had to record first, when the failover
   *     controller had promoted the cloud (it writes no fork point here)
   */
  public record Result(boolean merged, Path report, String json, Optional<ForkPoint> recordedFork) {}

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

  public Result run(HaproxyCommands entry, Duration reseedTimeout) {
    Instant started = clock.instant();
    requireEdgePrimary();
    Optional<ForkPoint> recordedFork = recordForkOfAnUnrecordedPromotion();
    UUID forkId = ForkPoint.recordedForkId(plane.dir()).orElseThrow(() ->
        new IllegalStateException("no fork point in " + plane.dir() + ": the cloud was never activated here"));
    if (!plane.isPrimary() && alreadyMerged(forkId)) {
      return write(started, forkId, "null", false, "already failed back: nothing merged",
          recordedFork);
    }
    if (entry != null) {
      entry.routeAwayFromCloud();
    }
    String merge = merge(forkId);
    String last = merge(forkId);
    if (!last.contains("\"notes\":[]") || !last.contains("\"entries\":[]")) {
      throw new IllegalStateException("cloud writes arrived during failback; run it again: " + last);
    }
    plane.reseed(reseedTimeout);
    return write(started, forkId, merge, true, "merged, routed back to the edge, cloud re-seeded",
        recordedFork);
  }

  /**
   * The failover controller promotes the cloud without writing a fork point here, so a primary
   * cloud with no fork point, or with one whose merge is already done (an earlier emergency), was
   * promoted by it: record the fork point now, without routing. Its LSN, timeline and heartbeat are
   * still those of the promotion; only the activation time is not.
   */
  private Optional<ForkPoint> recordForkOfAnUnrecordedPromotion() {
    if (!plane.isPrimary()
        || ForkPoint.recordedForkId(plane.dir()).filter(id -> !alreadyMerged(id)).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(new CloudActivation(plane, database, clock)
        .activate(null, null, 0, Duration.ofSeconds(60)));
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

  private boolean alreadyMerged(UUID forkId) {
    try (Connection c = DriverManager.getConnection(plane.edgeJdbcUrl(database),
        creds().superuser(), creds().superuserPassword());
        PreparedStatement s = c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'failback.merge' AND resource_id = ?)")) {
      s.setString(1, forkId.toString());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the edge audit log: " + e.getMessage(), e);
    }
  }

  private String merge(UUID forkId) {
    String token = ItOpsToken.issue(app.jwtSecret(), "edgectl-failback", clock.instant());
    Http.Reply reply = Http.send("POST", app.baseUrl() + "/api/v1/ops/failback/merge",
        "{\"forkId\":\"" + forkId + "\"}", token, Duration.ofMinutes(5))
        .orElseThrow(() -> new IllegalStateException("cloud-fallback unreachable at " + app.baseUrl()));
    if (reply.status() != 200) {
      throw new IllegalStateException("cloud-fallback refused the merge (" + reply.status() + "): "
          + reply.body());
    }
    return reply.body();
  }

  private Result write(Instant started, UUID forkId, String merge, boolean merged, String outcome,
      Optional<ForkPoint> recordedFork) {
    String json = "{\n  \"forkId\": \"" + forkId + "\",\n  \"startedAt\": \"" + started
        + "\",\n  \"finishedAt\": \"" + clock.instant() + "\",\n  \"outcome\": "
        + Http.quote(outcome) + ",\n  \"routing\": \"edge\",\n  \"cloud\": \"standby of the edge\","
        + "\n  \"merge\": " + merge + "\n}\n";
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
