package br.prontuario.edge.controller.console;

import br.prontuario.edge.controller.api.RejectedException;
import br.prontuario.edge.controller.decision.SwitchoverOutcome;
import br.prontuario.edge.controller.history.HistoryEvent;
import br.prontuario.edge.controller.loop.ControlLoop;
import java.time.Clock;
import java.util.List;

/**
 * Every console action, audited with the operator's name before and after, carried out on the
 * controller's existing paths: the control loop's switchover and maintenance (as the API's), and
 * the site's edgectl for drills, cloud activation and failback. Only the acting replica acts; the
 * others say which one does.
 */
final class ConsoleActions {

  private final ControlLoop loop;
  private final EdgectlJobs jobs;
  private final OperatorAudit audit;
  private final LiveStream live;
  private final Clock clock;

  ConsoleActions(ControlLoop loop, EdgectlJobs jobs, OperatorAudit audit, LiveStream live, Clock clock) {
    this.loop = loop;
    this.jobs = jobs;
    this.audit = audit;
    this.live = live;
    this.clock = clock;
  }

  HistoryEvent switchover(String target, String operator) {
    String action = "switchover to " + target;
    requireActing(action, operator);
    record(operator, action, "requested", "");
    SwitchoverOutcome outcome = loop.switchover(target);
    if (outcome instanceof SwitchoverOutcome.Rejected rejected) {
      record(operator, action, "refused", rejected.reason());
      throw new RejectedException(rejected.reason());
    }
    HistoryEvent event = loop.lastEvent().orElseThrow();
    record(operator, action, "done", "decision #" + event.sequence() + ": " + String.join("; ", event.results()));
    return event;
  }

  void maintenance(boolean on, String operator) {
    String action = "maintenance " + (on ? "on" : "off");
    requireActing(action, operator);
    loop.maintenance(on);
    record(operator, action, "done", loop.lastEvent().map(e -> "decision #" + e.sequence()).orElse(""));
  }

  /** Starts {@code edgectl ARGS}; its lines go to the open consoles and its exit code to the audit. */
  EdgectlJobs.Job runEdgectl(String action, String operator, List<String> args) {
    requireActing(action, operator);
    if (!jobs.available()) {
      throw new RejectedException(action + ": this replica has no edgectl to run it with (edge.console.edgectl)");
    }
    record(operator, action, "requested", "edgectl " + String.join(" ", args));
    return jobs.start(action, operator, args, job -> {
      live.publish("job", job);
      if (!job.running()) {
        record(operator, action, job.exitCode() == 0 ? "done" : "failed", "edgectl exit code " + job.exitCode());
      }
    }).orElseThrow(() -> {
      String busy = jobs.current().map(EdgectlJobs.Job::title).orElse("another run");
      record(operator, action, "refused", busy + " is still running");
      return new RejectedException(busy + " is still running; one edgectl run at a time");
    });
  }

  private void requireActing(String action, String operator) {
    var leadership = loop.leadership();
    if (!leadership.isLeader()) {
      String reason = leadership.identity() + " is not the acting controller; open the console of "
          + leadership.leader().orElse("the acting replica");
      record(operator, action, "refused", reason);
      throw new RejectedException(reason);
    }
  }

  private void record(String operator, String action, String phase, String detail) {
    audit.append(new OperatorAudit.Entry(clock.instant(), operator, loop.leadership().identity(), action, phase,
        detail));
  }
}
