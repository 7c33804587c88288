package br.prontuario.edge.controller.loop;

import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ControllerState;
import br.prontuario.edge.controller.decision.Decision;
import br.prontuario.edge.controller.decision.DecisionEngine;
import br.prontuario.edge.controller.decision.Execution;
import br.prontuario.edge.controller.decision.HealthRules;
import br.prontuario.edge.controller.decision.Observation;
import br.prontuario.edge.controller.decision.RoutingView;
import br.prontuario.edge.controller.decision.SwitchoverOutcome;
import br.prontuario.edge.controller.election.Leadership;
import br.prontuario.edge.controller.history.HistoryEvent;
import br.prontuario.edge.controller.history.HistoryRecorder;
import br.prontuario.edge.controller.metrics.ControllerMetrics;
import br.prontuario.edge.controller.probe.ClusterProber;
import br.prontuario.edge.controller.routing.Router;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every probe interval: observe, decide, and — only on the acting replica — act, then record.
 * Followers run the same decisions and record them as observed, so their status stays meaningful.
 */
public final class ControlLoop implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ControlLoop.class);

  private final ClusterProber prober;
  private final DecisionEngine engine;
  private final Actuator actuator;
  private final Router router;
  private final Leadership leadership;
  private final HistoryRecorder recorder;
  private final ControllerMetrics metrics;
  private final RoundPacer pacer;
  private final AtomicReference<HistoryEvent> lastEvent = new AtomicReference<>();
  /** After a failed reconcile, wait this many rounds before the next: no history flood when HAProxy is down. */
  private static final int RECONCILE_BACKOFF_ROUNDS = 6;
  private int roundsUntilReconcile;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "control-loop");
    t.setDaemon(true);
    return t;
  });

  ControlLoop(ClusterProber prober, DecisionEngine engine, Actuator actuator, Router router, Leadership leadership,
      HistoryRecorder recorder, ControllerMetrics metrics, HealthRules rules) {
    this.prober = prober;
    this.engine = engine;
    this.actuator = actuator;
    this.router = router;
    this.leadership = leadership;
    this.recorder = recorder;
    this.metrics = metrics;
    this.pacer = new RoundPacer(rules.interval(), rules.timeout(), System::nanoTime);
  }

  public void start() {
    leadership.start();
    scheduler.execute(this::pacedRound);
  }

  /** One round, then the next one interval after this one started (see {@link RoundPacer}). */
  private void pacedRound() {
    pacer.roundStarts();
    try {
      round();
    } catch (RuntimeException e) {
      log.error("control round failed; next round in {}", pacer.untilNextRound(), e);
    }
    try {
      scheduler.schedule(this::pacedRound, pacer.untilNextRound().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      // close() shut the scheduler down: no next round
    }
  }

  void round() {
    Observation observation = prober.probe(pacer::failuresCountFrom);
    Decision decision = engine.evaluate(observation);
    metrics.observe(observation, engine.health());
    boolean acting = leadership.isLeader();
    if (decision.isEventful()) {
      handle(decision, acting || (isCloudActivationOnly(decision) && noOtherReplicaActs()));
    } else if (--roundsUntilReconcile <= 0) {
      reconcile(acting);
    }
  }

  /**
   * Both nodes down means two of the three etcd members are gone: the lease that elects the acting
   * controller cannot be renewed exactly when the cloud must be activated. Activation is idempotent
   * and fenced by the cloud's own Patroni and DCS, so a replica that sees both nodes down on both
   * signals may carry out this one decision without the lease — unless it knows another replica
   * holds it, which then acts.
   */
  static boolean isCloudActivationOnly(Decision decision) {
    return decision.to() == ControllerState.EMERGENCY_CLOUD
        && decision.actions().stream().allMatch(
            a -> a instanceof Action.ActivateCloud || a instanceof Action.Alert);
  }

  private boolean noOtherReplicaActs() {
    return leadership.leader().map(leadership.identity()::equals).orElse(true);
  }

  /**
   * The engine decides; this only reads the router, and says who may act on what it decides. A
   * replica that does not act reads no router and only follows the leader.
   */
  private void reconcile(boolean acting) {
    if (engine.state() == ControllerState.EMERGENCY_CLOUD) {
      if (acting || noOtherReplicaActs()) {
        engine.reconcileCloud(actuator.cloudActive()).ifPresent(d -> handle(d, true));
      }
    } else if (acting) {
      boolean cloudRouted = router.cloudRouted();
      if (!cloudRouted) {
        // e.g. edgectl failback closed it: nothing is owed any more
        actuator.cloudClosed();
      }
      engine.reconcileRouting(new RoutingView(cloudRouted, router.activeNode())).ifPresent(d -> handle(d, true));
    } else {
      // the acting replica may have moved the leader (an operator's switchover): keep this view true
      engine.followLeader().ifPresent(d -> handle(d, false));
    }
  }

  private synchronized HistoryEvent handle(Decision decision, boolean acting) {
    Execution execution = acting ? new Execution.Acted(actuator.execute(decision))
        : new Execution.ObservedOnly(leadership.identity());
    roundsUntilReconcile = execution.failed() ? RECONCILE_BACKOFF_ROUNDS : 0;
    HistoryEvent event = recorder.record(decision, execution);
    lastEvent.set(event);
    if (acting && decision.isFailover()) {
      metrics.failover(event);
    }
    return event;
  }

  /** An operator's switchover; only the acting replica carries it out. */
  public SwitchoverOutcome switchover(String target) {
    if (!leadership.isLeader()) {
      return new SwitchoverOutcome.Rejected(leadership.identity() + " is not the acting controller; ask "
          + leadership.leader().orElse("the leader"));
    }
    SwitchoverOutcome outcome = engine.requestSwitchover(target);
    if (outcome instanceof SwitchoverOutcome.Accepted accepted) {
      handle(accepted.decision(), true);
    }
    return outcome;
  }

  public void maintenance(boolean on) {
    Decision decision = engine.setMaintenance(on);
    synchronized (this) {
      lastEvent.set(recorder.record(decision, new Execution.MaintenanceSet(on)));
    }
  }

  public Optional<HistoryEvent> lastEvent() {
    return Optional.ofNullable(lastEvent.get());
  }

  public DecisionEngine engine() {
    return engine;
  }

  public Leadership leadership() {
    return leadership;
  }

  public boolean cloudActive() {
    return actuator.cloudActive();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    leadership.close();
  }
}
