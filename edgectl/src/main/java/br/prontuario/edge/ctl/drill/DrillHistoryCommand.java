package br.prontuario.edge.ctl.drill;

import br.prontuario.edge.drill.report.DrillReport;
import br.prontuario.edge.drill.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code edgectl drill history}: the drills run against this cluster, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Lists past drills (DIR/drills/) with their RTO, lost writes and verdict.")
public final class DrillHistoryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Option(names = "--json", description = "one JSON object per drill")
  boolean json;

  @Override
  public Integer call() {
    List<DrillReport> history = new ReportFiles(ClusterDirs.resolve(dir)).history();
    PrintWriter out = spec.commandLine().getOut();
    if (history.isEmpty() && !json) {
      out.println("no drills yet in " + ClusterDirs.resolve(dir).resolve("drills"));
    }
    for (DrillReport report : history) {
      out.println(json ? DrillPrinter.historyJson(report) : DrillPrinter.historyLine(report));
    }
    out.flush();
    return 0;
  }
}
