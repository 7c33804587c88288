package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.ForkPoint;
import br.prontuario.edge.site.failback.CloudMerge;
import br.prontuario.edge.site.failback.FailbackOutcome;
import br.prontuario.edge.site.failback.FailbackSequence;
import br.prontuario.edge.site.failback.MergeReply;
import br.prontuario.edge.site.failback.Routing;
import br.prontuario.edge.site.haproxy.CloudRoute;
import br.prontuario.edge.site.http.PlainHttp;
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

/**
 * {@code edgectl failback} on this site: run the failback rule ({@link FailbackSequence}: merge,
 * route clinicians to the edge leader, drain, merge again), check that nothing new still arrives,
 * then re-seed the cloud standby from the edge and write a report. The last merge must find
 * nothing before the cloud copy is wiped. The failover controller runs the same rule itself when
 * a node serves again; this then finds nothing new and re-seeds.
 */
public final class CloudFailback {

  /** Where cloud-fallback answers and what it needs to authorise the merge. */
  public record CloudApp(String baseUrl, String jwtSecret) {}

  /**
   * @param recordedFork the fork point failback had to record first, when the failover
   *     controller had promoted the cloud (it writes no fork point here)
   */
  public record Result(boolean merged, Path report, String json, Optional<ForkPoint> recordedFork) {}

  private static final Duration MERGE_TIMEOUT = Duration.ofMinutes(5);
  private static final PlainHttp PROBE = new PlainHttp(Duration.ofSeconds(3));

  private final CloudDataPlane plane;
  private final String database;
  private final CloudMerge merge;
  private final Clock clock;

  public CloudFailback(CloudDataPlane plane, String database, CloudApp app, Clock clock) {
    this.plane = plane;
    this.database = database;
    this.merge = new CloudMerge(app.baseUrl(), app.jwtSecret(), "edgectl-failback", MERGE_TIMEOUT,
        clock);
    this.clock = clock;
  }

  /** {@code entry} null = no routing step (tests without an entry HAProxy). */
  public Result run(CloudRoute entry, Duration reseedTimeout) {
    Instant started = clock.instant();
    requireEdgePrimary();
    if (!plane.isPrimary()) {
      return report(new FailbackReport(null, started, clock.instant(),
          "nothing to fail back: the cloud follows the edge", null), false, Optional.empty());
    }
    // promoted by the failover controller, which writes nothing here: its LSN, timeline and
    // heartbeat are still the promotion's, only the activation time is not
    Optional<ForkPoint> recordedFork = ForkPoint.isRecorded(plane.dir()) ? Optional.empty()
        : Optional.of(recordFork());
    FailbackOutcome outcome = new FailbackSequence(merge).run(() -> {
      if (entry == null) {
        return new Routing.None();
      }
      String leader = edgeLeader(plane.upstreams());
      entry.routeToEdge(leader);
      return new Routing.Moved(leader + " ready; cloud maint", true);
    });
    MergeReply.Merged first = merged(outcome);
    MergeReply last = merge.merge();
    if (!(last instanceof MergeReply.Merged again) || !again.report().nothingNew()) {
      throw new IllegalStateException("cloud writes still arriving after routing to the edge;"
          + " nothing was wiped, run it again: " + last.detail());
    }
    plane.reseed(reseedTimeout);
    ForkPoint.archive(plane.dir(), started);
    return report(new FailbackReport(first.report().forkId(), started, clock.instant(),
        "merged, routed back to the edge, cloud re-seeded", first.body()), true, recordedFork);
  }

  /** The first merge, once the sequence went all the way; otherwise why it stopped, as an error. */
  private static MergeReply.Merged merged(FailbackOutcome outcome) {
    if (outcome instanceof FailbackOutcome.NotMerged notMerged) {
      throw refused("the merge", notMerged.first());
    }
    if (outcome instanceof FailbackOutcome.NotRouted notRouted) {
      throw new IllegalStateException("cannot route to the edge: " + notRouted.routing().detail());
    }
    FailbackOutcome.RoutedBack back = (FailbackOutcome.RoutedBack) outcome;
    if (!back.last().ok()) {
      throw refused("the merge after routing", back.last());
    }
    return (MergeReply.Merged) back.first();
  }

  private static IllegalStateException refused(String step, MergeReply reply) {
    String why = reply instanceof MergeReply.Refused r ? " (" + r.status() + "): " + r.body()
        : ": " + reply.detail();
    return new IllegalStateException("cloud-fallback refused " + step + why);
  }

  private ForkPoint recordFork() {
    ActivationOutcome activated = plane.activation(database, clock).activate(null,
        Duration.ofSeconds(60));
    if (activated instanceof ActivationOutcome.NotPromoted notPromoted) {
      throw new IllegalStateException(notPromoted.detail());
    }
    return ((ActivationOutcome.Activated) activated).fork();
  }

  private Result report(FailbackReport report, boolean merged, Optional<ForkPoint> recordedFork) {
    return new Result(merged, report.write(plane.dir()), report.toJson(), recordedFork);
  }

  /** Waits briefly (the gateway re-checks the edge every second) before giving up. */
  private void requireEdgePrimary() {
    if (!Waits.until(this::edgeHasPrimary, Duration.ofSeconds(30), 500)) {
      throw new IllegalStateException("the edge has no reachable primary; fail back once it is healthy");
    }
  }

  private boolean edgeHasPrimary() {
    StandbyCredentials creds = plane.credentials();
    try (Connection c = DriverManager.getConnection(plane.edgeJdbcUrl(database),
        creds.superuser(), creds.superuserPassword());
        ResultSet rs = c.createStatement().executeQuery("SELECT pg_is_in_recovery()")) {
      return rs.next() && !rs.getBoolean(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The node whose Patroni answers {@code /primary}: the one clinicians go back to. */
  private static String edgeLeader(List<EdgeUpstream> edgeNodes) {
    return edgeNodes.stream().filter(n -> n.patroniPort() != null)
        .filter(n -> PROBE.get("http://" + n.host() + ":" + n.patroniPort() + "/primary").is(200))
        .map(EdgeUpstream::name).findFirst()
        .orElseThrow(() -> new IllegalStateException("no edge node's Patroni reports the primary"));
  }
}
