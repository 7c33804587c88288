package br.prontuario.edge.controller.loop;

import br.prontuario.edge.controller.cloud.CloudFallbackApp;
import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ActionOutcome;
import br.prontuario.edge.controller.decision.ActionResult;
import br.prontuario.edge.controller.decision.Decision;
import br.prontuario.edge.controller.probe.ClusterTopology;
import br.prontuario.edge.controller.routing.RouteOutcome;
import br.prontuario.edge.controller.routing.Router;
import br.prontuario.edge.site.activation.ActivationOutcome;
import br.prontuario.edge.site.activation.CloudActivation;
import br.prontuario.edge.site.activation.CloudRouting;
import br.prontuario.edge.site.activation.StandbyPromotion;
import br.prontuario.edge.site.failback.FailbackOutcome;
import br.prontuario.edge.site.failback.FailbackSequence;
import br.prontuario.edge.site.failback.Routing;
import br.prontuario.edge.site.patroni.PatroniClient;
import br.prontuario.edge.site.patroni.PatroniReply;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out a decision's intended actions, in order, and says how each went. */
final class Actuator {

  private static final Logger log = LoggerFactory.getLogger(Actuator.class);
  /** Patroni promotes within a loop or two; longer means something else is wrong. */
  private static final Duration CLOUD_READY_PATIENCE = Duration.ofSeconds(30);

  private final Router router;
  private final PatroniClient patroni;
  private final ClusterTopology topology;
  private final MeterRegistry meters;
  private final AtomicBoolean cloudActive = new AtomicBoolean();
  private final StandbyPromotion promotion;
  private final CloudFallbackApp cloudApp;
  private final Clock clock;

  Actuator(Router router, PatroniClient patroni, ClusterTopology topology, MeterRegistry meters) {
    this(router, patroni, topology, meters, StandbyPromotion.NONE, CloudFallbackApp.NONE,
        Clock.systemUTC());
  }

  Actuator(Router router, PatroniClient patroni, ClusterTopology topology, MeterRegistry meters,
      StandbyPromotion promotion, CloudFallbackApp cloudApp, Clock clock) {
    this.promotion = promotion;
    this.clock = clock;
    this.cloudApp = cloudApp;
    this.router = router;
    this.patroni = patroni;
    this.topology = topology;
    this.meters = meters;
  }

  /** In order; after a failed DeactivateCloud the rest is skipped (see its contract). */
  List<ActionResult> execute(Decision decision) {
    List<ActionResult> results = new ArrayList<>();
    boolean skipping = false;
    for (Action action : decision.actions()) {
      ActionOutcome outcome = skipping
          ? new ActionOutcome.Skipped("the cloud's writes are not on the edge yet") : run(action);
      results.add(new ActionResult(action, outcome));
      skipping |= action instanceof Action.DeactivateCloud && outcome instanceof ActionOutcome.Failed;
    }
    return results;
  }

  boolean cloudActive() {
    return cloudActive.get();
  }

  /** The router shows the cloud path closed (e.g. by edgectl failback): nothing is owed any more. */
  void cloudClosed() {
    cloudActive.set(false);
  }

  private ActionOutcome run(Action action) {
    if (action instanceof Action.RouteTo route) {
      return outcome(router.routeTo(route.node()));
    } else if (action instanceof Action.Switchover s) {
      // ask the leader's Patroni; if it cannot answer, the candidate's reads the same DCS
      PatroniReply reply = patroni.switchover(topology.node(s.leader()).patroniUrl(), s.leader(), s.candidate());
      if (reply.status() == 0) {
        reply = patroni.switchover(topology.node(s.candidate()).patroniUrl(), s.leader(), s.candidate());
      }
      String detail = reply.status() + " " + reply.message().trim();
      return reply.accepted() ? new ActionOutcome.Done(detail) : new ActionOutcome.Failed(detail);
    } else if (action instanceof Action.ActivateCloud) {
      return activateCloud();
    } else if (action instanceof Action.DeactivateCloud back) {
      return failBack(back.node());
    }
    Action.Alert alert = (Action.Alert) action;
    meters.counter("controller.alerts", "severity", alert.severity()).increment();
    log.warn("ALERT [{}] {}", alert.severity(), alert.message());
    return new ActionOutcome.Raised();
  }

  /**
   * The site's activation sequence: promote the cloud standby first (cloud-fallback passes its
   * health check only then), wait for cloud-fallback to be ready, route through the router.
   */
  private ActionOutcome activateCloud() {
    ActivationOutcome outcome = CloudActivation.forController(promotion, cloudApp::awaitReady, clock)
        .activate(() -> {
          RouteOutcome routed = router.routeToCloud(true);
          cloudActive.set(routed.ok());
          return routed.ok() ? new CloudRouting.Routed(routed.detail())
              : new CloudRouting.Refused(routed.detail());
        }, CLOUD_READY_PATIENCE);
    if (outcome instanceof ActivationOutcome.NotPromoted notPromoted) {
      return new ActionOutcome.Failed(notPromoted.detail());
    }
    if (outcome instanceof ActivationOutcome.NotRouted notRouted) {
      return new ActionOutcome.Failed(notRouted.routing().detail() + late(notRouted.servedBeforeRouting()));
    }
    ActivationOutcome.Activated activated = (ActivationOutcome.Activated) outcome;
    return new ActionOutcome.Done(((CloudRouting.Routed) activated.routing()).detail()
        + late(activated.servedBeforeRouting()));
  }

  private static String late(boolean served) {
    return served ? "" : " (cloud-fallback not ready after " + CLOUD_READY_PATIENCE.toSeconds()
        + " s; routed anyway)";
  }

  /**
   * The site's failback rule; routing here is the router's: the node takes requests, then the
   * cloud's path closes. What still slips through stays in the cloud, where edgectl failback
   * merges it before it re-seeds anything.
   */
  private ActionOutcome failBack(String node) {
    FailbackOutcome outcome = new FailbackSequence(cloudApp.merge()).run(() -> {
      RouteOutcome routed = router.routeTo(node);
      if (!routed.ok()) {
        return new Routing.Refused("route to " + node + ": " + routed.detail());
      }
      RouteOutcome closed = router.routeToCloud(false);
      cloudActive.set(!closed.ok());
      return new Routing.Moved(routed.detail() + "; " + closed.detail(), closed.ok());
    });
    if (outcome instanceof FailbackOutcome.NotMerged notMerged) {
      return new ActionOutcome.Failed("merge before routing back: " + notMerged.first().detail()
          + "; clinicians stay on the cloud");
    }
    if (outcome instanceof FailbackOutcome.NotRouted notRouted) {
      return new ActionOutcome.Failed(notRouted.first().detail() + "; " + notRouted.routing().detail());
    }
    FailbackOutcome.RoutedBack back = (FailbackOutcome.RoutedBack) outcome;
    String routing = back.routing() instanceof Routing.Moved moved ? moved.detail() : "";
    String summary = back.first().detail() + "; " + routing + "; then " + back.last().detail();
    return back.complete() ? new ActionOutcome.Done(summary) : new ActionOutcome.Failed(summary);
  }

  private static ActionOutcome outcome(RouteOutcome outcome) {
    return outcome(outcome, "");
  }

  private static ActionOutcome outcome(RouteOutcome outcome, String note) {
    String detail = outcome.detail() + note;
    return outcome.ok() ? new ActionOutcome.Done(detail) : new ActionOutcome.Failed(detail);
  }
}
