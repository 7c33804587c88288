package br.prontuario.edge.ctl.drill;

import br.prontuario.edge.drill.chaos.ChaosHistory;
import br.prontuario.edge.drill.chaos.ChaosReport;
import br.prontuario.edge.drill.chaos.ChaosRun;
import br.prontuario.edge.drill.chaos.ChaosSchedule;
import br.prontuario.edge.drill.chaos.ChaosVerdict;
import br.prontuario.edge.drill.chaos.InjectedFault;
import br.prontuario.edge.drill.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgectl drill chaos}: a seeded random schedule of faults under load, then a history check. */
@Command(name = "chaos", mixinStandardHelpOptions = true,
    description = {"Kills, freezes and cuts off the local cluster's boxes one after another, at random,"
        + " under clinical load, then checks the history: every acknowledged note present exactly once,"
        + " none acknowledged by a node that was not the primary, never two writable primaries.",
        "The same --seed replays the same faults. Local cluster only. Exit 0 when the check passed,"
            + " 1 when it did not."})
public final class ChaosCommand implements Callable<Integer> {

  static final int MAX_MINUTES = 24 * 60;

  @Spec CommandSpec spec;

  @Option(names = "--minutes", defaultValue = "60", description = "how long (1-" + MAX_MINUTES + "), default 60")
  int minutes;

  @Option(names = "--seed", description = "the schedule's seed (default: a random one, printed)")
  Long seed;

  @Option(names = "--clients", defaultValue = "4", description = "concurrent clinicians (1-64), default 4")
  int clients;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Option(names = "--plan", paramLabel = "N", description = "print the first N faults --seed draws and stop (no cluster needed)")
  Integer plan;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() {
    if (minutes < 1 || minutes > MAX_MINUTES) {
      throw new ParameterException(spec.commandLine(), "--minutes must be between 1 and " + MAX_MINUTES);
    }
    if (clients < 1 || clients > 64) {
      throw new ParameterException(spec.commandLine(), "--clients must be between 1 and 64");
    }
    if (plan != null) {
      return printPlan();
    }
    Path clusterDir = ClusterDirs.resolve(dir);
    DrillTarget target = DrillTarget.open(clusterDir);
    if (!target.control().isLocal()) {
      throw new IllegalStateException("the chaos soak injects real faults and runs only against a"
          + " local cluster (edgectl up)");
    }
    PrintWriter err = spec.commandLine().getErr();
    long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
    ChaosHistory history = new ChaosRun(target.control(), target.load(clients), target.clock(), line -> {
      err.println("chaos: " + line);
      err.flush();
    }).run(Duration.ofMinutes(minutes), new ChaosSchedule(chosenSeed));
    ChaosReport report = ChaosReport.of(history, clients);
    Path file = report.write(clusterDir);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(ReportFiles.toJson(report));
    } else {
      print(report, file, out);
    }
    out.flush();
    return report.passed() ? 0 : 1;
  }

  /** The seed's schedule without running it: to read what a replay will do, or pick a seed. */
  private int printPlan() {
    if (seed == null) {
      throw new ParameterException(spec.commandLine(), "--plan needs --seed");
    }
    if (plan < 1 || plan > 10_000) {
      throw new ParameterException(spec.commandLine(), "--plan must be between 1 and 10000");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("seed " + seed + ", the first " + plan + " faults (number, fault, box, hold; then a pause of 2-6 s):");
    ChaosSchedule.preview(seed, plan).forEach(step -> out.println("  " + step.describe()));
    out.flush();
    return 0;
  }

  public static void print(ChaosReport report, Path file, PrintWriter out) {
    ChaosVerdict v = report.verdict();
    out.printf(Locale.ROOT, "chaos soak, seed %d, %d min, %d clients: %s%n", report.seed(),
        report.minutes(), report.clients(), report.passed() ? "PASSED" : "FAILED");
    out.println("fault schedule (offset, fault, box, hold; serving again after healing):");
    for (InjectedFault f : report.faults()) {
      out.printf(Locale.ROOT, "  +%6.1f s  %-28s %s%n",
          Duration.between(report.startedAt(), f.injectedAt()).toMillis() / 1000.0,
          f.step().describe(), f.servingAgainAt() == null ? "NOT SERVING: " + f.problem()
              : String.format(Locale.ROOT, "%.1f s", Duration.between(f.healedAt(),
                  f.servingAgainAt()).toMillis() / 1000.0));
    }
    out.printf(Locale.ROOT, "faults: %d %s%n", v.faults(), v.faultsByKind());
    out.printf(Locale.ROOT, "acknowledged notes: %d, missing: %d, stored twice: %d%s%n",
        v.acknowledgedNotes(), v.lostNoteIds().size(), v.duplicatedNotes(),
        v.readBackComplete() ? "" : " (read-back incomplete)");
    out.printf(Locale.ROOT, "notes acknowledged by a cut-off node without the lease: %d%n",
        v.notesAckedByNonPrimary());
    out.printf(Locale.ROOT, "probe commits: %d, acknowledged by a node without the lease: %d%n",
        v.probeCommits(), v.probeCommitsAckedByNonPrimary());
    v.nonPrimaryCommits().forEach(c -> out.println("  commit by a node that said it had no lease: " + c));
    out.printf(Locale.ROOT, "two nodes acknowledging at once: %.1f s; leader moves: %d;"
        + " longest time without an acknowledged write: %.1f s%n", v.dualPrimaryWindowSeconds(),
        v.leaderMoves(), v.longestWriteGapSeconds());
    v.problems().forEach(p -> out.println("problem: " + p));
    out.println("report: " + file);
  }
}
