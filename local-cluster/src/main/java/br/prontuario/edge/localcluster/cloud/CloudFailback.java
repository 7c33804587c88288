package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.CloudRouting;
import br.prontuario.edge.site.activation.ForkPoint;
import br.prontuario.edge.site.failback.CloudMerge;
import br.prontuario.edge.site.failback.FailbackOutcome;
import br.prontuario.edge.site.failback.FailbackSequence;
import br.prontuario.edge.site.failback.MergeReply;
import br.prontuario.edge.site.failback.Routing;
import br.prontuario.edge.site.haproxy.CloudRoute;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniCredentials;
import java.io.UncheckedIOException;
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
 * then re-seed the cloud standby from the edge and write a report (Jackson, {@link FailbackReport}).
 * The last merge must find nothing before the cloud copy is wiped; every way it stops short is a
 * {@link FailbackResult.Stopped} with nothing wiped. The failover controller runs the same rule
 * itself when a node serves again; this then finds nothing new and re-seeds.
 */
public final class CloudFailback {

  /** Where cloud-fallback answers and what it needs to authorise the merge. */
  public record CloudApp(String baseUrl, String jwtSecret) {}

  private static final Duration MERGE_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

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
  public FailbackResult run(CloudRoute entry, Duration reseedTimeout) {
    Instant started = clock.instant();
    if (!Waits.until(this::edgeHasPrimary, Duration.ofSeconds(30), 500)) {
      // waited briefly: the gateway re-checks the edge every second
      return new FailbackResult.Stopped(
          "the edge has no reachable primary; fail back once it is healthy");
    }
    if (!plane.isPrimary()) {
      FailbackReport report = new FailbackReport(null, started, clock.instant(),
          "nothing to fail back: the cloud follows the edge", null);
      return new FailbackResult.NothingToFailBack(report.write(plane.dir()));
    }
    // promoted by the failover controller, which writes nothing here: its LSN, timeline and
    // heartbeat are still the promotion's, only the activation time is not
    Optional<ForkPoint> recordedFork = Optional.empty();
    if (!ForkPoint.isRecorded(plane.dir())) {
      ActivationOutcome activated = plane.activation(database, clock)
          .activate(CloudRouting.None::new, Duration.ofSeconds(60));
      if (activated instanceof ActivationOutcome.NotPromoted notPromoted) {
        return new FailbackResult.Stopped(notPromoted.detail());
      }
      // no routing step: never NotRouted
      recordedFork = ((ActivationOutcome.Activated) activated).fork();
    }
    FailbackOutcome outcome = new FailbackSequence(merge).run(() -> routeToEdge(entry));
    if (outcome instanceof FailbackOutcome.NotMerged notMerged) {
      return stopped("the merge", notMerged.first());
    }
    if (outcome instanceof FailbackOutcome.NotRouted notRouted) {
      return new FailbackResult.Stopped("cannot route to the edge: " + notRouted.routing().detail());
    }
    FailbackOutcome.RoutedBack back = (FailbackOutcome.RoutedBack) outcome;
    if (!back.last().ok()) {
      return stopped("the merge after routing", back.last());
    }
    MergeReply last = merge.merge();
    if (!(last instanceof MergeReply.Merged again) || !again.report().nothingNew()) {
      return new FailbackResult.Stopped("cloud writes still arriving after routing to the edge;"
          + " nothing was wiped, run it again: " + last.detail());
    }
    plane.reseed(reseedTimeout);
    ForkPoint.archive(plane.dir(), started);
    MergeReply.Merged first = (MergeReply.Merged) back.first();
    FailbackReport report = new FailbackReport(first.report().forkId(), started, clock.instant(),
        "merged, routed back to the edge, cloud re-seeded", first.body());
    return new FailbackResult.FailedBack(report.write(plane.dir()), first.report(), recordedFork);
  }

  private Routing routeToEdge(CloudRoute entry) {
    if (entry == null) {
      return new Routing.None();
    }
    try {
      String leader = edgeLeader(plane.upstreams());
      entry.routeToEdge(leader);
      return new Routing.Moved(leader + " ready; cloud maint", true);
    } catch (IllegalStateException | UncheckedIOException e) {
      return new Routing.Refused(e.getMessage());
    }
  }

  private static FailbackResult stopped(String step, MergeReply reply) {
    String why = reply instanceof MergeReply.Refused r ? " (" + r.status() + "): " + r.body()
        : ": " + reply.detail();
    return new FailbackResult.Stopped("cloud-fallback refused " + step + why);
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
        .filter(n -> new PatroniClient(PROBE_TIMEOUT, PatroniCredentials.NONE, n.patroniCa())
            .answersPrimary(n.patroniUrl()))
        .map(EdgeUpstream::name).findFirst()
        .orElseThrow(() -> new IllegalStateException("no edge node's Patroni reports the primary"));
  }
}
