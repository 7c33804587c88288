package br.prontuario.edge.ctl.drill;

import br.prontuario.edge.ctl.drill.restore.RestoreDrillCommand;
import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.report.ReportFiles;
import br.prontuario.edge.drill.scenario.DrillOutcome;
import br.prontuario.edge.drill.scenario.DrillRunner;
import br.prontuario.edge.drill.scenario.DrillTimings;
import br.prontuario.edge.drill.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code edgectl drill SCENARIO}: measures RTO and RPO under live clinical load. */
@Command(name = "drill", mixinStandardHelpOptions = true,
    subcommands = {DrillHistoryCommand.class, RestoreDrillCommand.class, ChaosCommand.class},
    description = {"Runs a failover drill under clinical load and measures RTO and RPO.",
        "Scenarios: health-check-validation, primary-crash, primary-freeze, primary-app-crash,",
        "standby-crash, planned-switchover, dual-failure-cloud, failback,",
        "witness-and-standby-freeze, witness-loss, isolated-primary, standby-isolated,",
        "flapping-link, witness-and-leader-loss, rolling-upgrade, postgres-minor-upgrade;",
        "edgectl drill chaos --minutes N --seed S: a seeded random soak of faults, checked afterwards.",
        "Reports go to DIR/drills/; exit 0 when every run met the seed's target, 1 when one did not."})
public final class DrillCommand implements Callable<Integer> {

  static final int MAX_RUNS = 100;

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "what to drill")
  String scenario;

  @Option(names = "--runs", defaultValue = "1", description = "runs (1-" + MAX_RUNS + "), default 1")
  int runs;

  @Option(names = "--clients", defaultValue = "4", description = "concurrent clinicians (1-64), default 4")
  int clients;

  @Option(names = "--json", description = "one JSON object per run, then the summary")
  boolean json;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    Scenario chosen = validated();
    Path clusterDir = ClusterDirs.resolve(dir);
    DrillTarget target = DrillTarget.open(clusterDir);
    PrintWriter err = spec.commandLine().getErr();
    DrillRunner runner = new DrillRunner(target.control(), target.controller(),
        target.load(clients), DrillTimings.defaults(), target.clock(), line -> {
          err.println("drill: " + line);
          err.flush();
        });
    DrillOutcome outcome = runner.run(chosen, runs);
    if (outcome instanceof DrillOutcome.Completed completed) {
      return report(completed.report(), clusterDir);
    }
    if (outcome instanceof DrillOutcome.Refused refused) {
      return fail(refused.reason(), 2);
    }
    return fail(((DrillOutcome.Aborted) outcome).reason(), 4);
  }

  private Scenario validated() {
    if (scenario == null) {
      throw new ParameterException(spec.commandLine(), "name a scenario: " + Scenario.ids());
    }
    Scenario chosen = Scenario.find(scenario).orElseThrow(() -> new ParameterException(
        spec.commandLine(), "unknown scenario '" + scenario + "'; one of: " + Scenario.ids()));
    if (runs < 1 || runs > MAX_RUNS) {
      throw new ParameterException(spec.commandLine(), "--runs must be between 1 and " + MAX_RUNS);
    }
    if (clients < 1 || clients > 64) {
      throw new ParameterException(spec.commandLine(), "--clients must be between 1 and 64");
    }
    return chosen;
  }

  private int report(DrillReport report, Path clusterDir) {
    Path file = new ReportFiles(clusterDir).write(report);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      DrillPrinter.json(report, file, out);
    } else {
      DrillPrinter.text(report, file, out);
    }
    out.flush();
    return report.summary().passed() ? 0 : 1;
  }

  private int fail(String reason, int code) {
    spec.commandLine().getErr().println("edgectl: " + reason);
    return code;
  }
}
