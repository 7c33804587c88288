package br.prontuario.edge.controller.history;

import br.prontuario.edge.controller.decision.Action;
import br.prontuario.edge.controller.decision.ActionOutcome;
import br.prontuario.edge.controller.decision.ActionResult;
import br.prontuario.edge.controller.decision.Decision;
import br.prontuario.edge.controller.decision.Execution;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every decision becomes one history entry, one log line and one metric increment. */
public final class HistoryRecorder {

  private static final Logger log = LoggerFactory.getLogger(HistoryRecorder.class);

  private final DecisionHistory history;
  private final MeterRegistry meters;
  private final Clock clock;
  private final String controllerId;

  public HistoryRecorder(DecisionHistory history, MeterRegistry meters, Clock clock, String controllerId) {
    this.history = history;
    this.meters = meters;
    this.clock = clock;
    this.controllerId = controllerId;
  }

  public HistoryEvent record(Decision decision, Execution execution) {
    List<String> results = render(execution);
    Instant completed = clock.instant();
    Instant detected = decision.detectedAt().orElse(null);
    HistoryEvent event = new HistoryEvent(history.nextSequence(), controllerId, decision.trigger(),
        decision.from().name(), decision.to().name(), decision.activeNode(),
        decision.actions().stream().map(HistoryRecorder::describe).toList(), results,
        entries(execution), decision.reasons(),
        detected, decision.at(), completed, HistoryEvent.between(detected, decision.at()),
        HistoryEvent.between(decision.at(), completed));
    history.append(event);
    log.info("decision #{} {} {} -> {} active={} actions={} results={} reasons={} detectionMs={} actionMs={}",
        event.sequence(), event.trigger(), event.from(), event.to(), event.activeNode(), event.actions(),
        event.results(), event.reasons(), event.detectionMillis(), event.actionMillis());
    meters.counter("controller.decisions", "trigger", event.trigger(), "to", event.to()).increment();
    return event;
  }

  /**
   * The history's {@code results}: one line per action ("RouteTo node-b: done: node-b ready; …"),
   * read by people and by {@code edgectl history}; the drill looks for "observed only".
   */
  static List<String> render(Execution execution) {
    if (execution instanceof Execution.Acted acted) {
      return acted.results().stream().map(HistoryRecorder::render).toList();
    } else if (execution instanceof Execution.ObservedOnly observed) {
      return List.of("observed only: " + observed.controller() + " is not the acting controller");
    }
    return List.of("maintenance " + (((Execution.MaintenanceSet) execution).on() ? "on" : "off"));
  }

  /** The history's typed {@code outcomes}: only what this replica carried out. */
  static List<ActionEntry> entries(Execution execution) {
    if (execution instanceof Execution.Acted acted) {
      return acted.results().stream()
          .map(r -> new ActionEntry(describe(r.action()), r.outcome())).toList();
    }
    return List.of();
  }

  static String render(ActionResult result) {
    return describe(result.action()) + ": " + render(result.outcome());
  }

  private static String render(ActionOutcome outcome) {
    if (outcome instanceof ActionOutcome.Done done) {
      return "done: " + done.detail();
    } else if (outcome instanceof ActionOutcome.Failed failed) {
      return "failed: " + failed.detail();
    } else if (outcome instanceof ActionOutcome.Skipped skipped) {
      return "skipped: " + skipped.reason();
    }
    return "raised";
  }

  public static String describe(Action action) {
    if (action instanceof Action.RouteTo route) {
      return "RouteTo " + route.node();
    } else if (action instanceof Action.Switchover s) {
      return "Switchover " + s.leader() + " -> " + s.candidate();
    } else if (action instanceof Action.ActivateCloud) {
      return "ActivateCloud";
    } else if (action instanceof Action.DeactivateCloud d) {
      return "DeactivateCloud -> " + d.node();
    }
    Action.Alert alert = (Action.Alert) action;
    return "Alert " + alert.severity() + ": " + alert.message();
  }
}
