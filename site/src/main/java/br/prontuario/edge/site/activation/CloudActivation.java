package br.prontuario.edge.site.activation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Activation of the cloud site, written once: (note what the standby has replayed,) promote it
 * (remove {@code standby_cluster}; Patroni promotes), wait until the cloud serves, route clinicians
 * to it, (record the fork point). Routing waits for the promotion: a cloud routed before it serves
 * would fail the router's first health check and need more to rise.
 *
 * <p>Two callers, two configurations of the same sequence: the failover controller
 * ({@link #forController}) and {@code edgectl cloud activate} ({@link #recordingFork}), which
 * failback also uses to record the fork point of a promotion the controller did.
 */
public final class CloudActivation {

  /** How the sequence learns that the promoted cloud serves, waiting at most {@code patience}. */
  @FunctionalInterface
  public interface Serving {
    boolean await(Duration patience);
  }

  private final StandbyPromotion promotion;
  private final Serving serving;
  private final boolean routeWhenLate;
  private final ForkRecorder forks;
  private final Clock clock;

  CloudActivation(StandbyPromotion promotion, Serving serving, boolean routeWhenLate,
      ForkRecorder forks, Clock clock) {
    this.promotion = promotion;
    this.serving = serving;
    this.routeWhenLate = routeWhenLate;
    this.forks = forks;
    this.clock = clock;
  }

  /**
   * The controller's EMERGENCY_CLOUD: it acts because both nodes are down, so routing to a cloud
   * that is late to serve loses nothing (the router adds it once its check passes) and is done
   * anyway. It has no access to the cloud database: no fork point (failback records one).
   *
   * @param appReady cloud-fallback's readiness, which passes only once its database is promoted
   */
  public static CloudActivation forController(StandbyPromotion promotion, Serving appReady,
      Clock clock) {
    return new CloudActivation(promotion, appReady, true, null, clock);
  }

  /**
   * {@code edgectl cloud activate}: an operator may activate with the edge still serving, so a
   * cloud whose database is not a primary in time is not routed to; the fork point is recorded in
   * {@code cloudDir}.
   */
  public static CloudActivation recordingFork(StandbyPromotion promotion, CloudDatabase database,
      Path cloudDir, Clock clock) {
    return new CloudActivation(promotion, database::awaitPrimary, false,
        new ForkRecorder(database, cloudDir), clock);
  }

  /** {@code route} runs once the cloud is promoted (and serves, or is late where that is allowed). */
  public ActivationOutcome activate(Supplier<CloudRouting> route, Duration patience) {
    Instant started = clock.instant();
    ForkRecorder.Replayed replayed = forks == null ? null : forks.beforePromotion();
    StandbyPromotion.Outcome promoted = promotion.promote();
    if (!promoted.ok()) {
      return new ActivationOutcome.NotPromoted(promoted.detail());
    }
    boolean served = serving.await(patience);
    if (!served && !routeWhenLate) {
      return new ActivationOutcome.NotPromoted("the cloud database is not a primary "
          + patience.toSeconds() + " s after the promotion was asked (" + promoted.detail() + ")");
    }
    Instant promotedAt = clock.instant();
    CloudRouting routing = route.get();
    if (routing instanceof CloudRouting.Refused refused) {
      return new ActivationOutcome.NotRouted(refused, served);
    }
    double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
    Optional<ForkPoint> fork = forks == null ? Optional.empty()
        : Optional.of(forks.record(replayed, promotedAt, seconds));
    return new ActivationOutcome.Activated(fork, routing, served);
  }
}
