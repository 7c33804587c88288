package br.prontuario.edge.ctl.bench;

import br.prontuario.edge.ctl.drill.ClusterDirs;
import br.prontuario.edge.drill.load.EdgeApi;
import br.prontuario.edge.drill.scenario.ClusterControl;
import br.prontuario.edge.drill.scenario.ClusterControls;
import br.prontuario.edge.drill.scenario.ClusterFile;
import br.prontuario.edge.drill.scenario.ControllerApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code edgectl bench app-save}: "salvar" to "salvo" in the app while the primary crashes. */
@Command(name = "app-save", mixinStandardHelpOptions = true,
    description = {"Times the clinicians' app (Chromium as an iPhone) from tapping \"salvar\" on a note",
        "to \"salvo\" while the active node is killed, on the local cluster of --dir.",
        "Prints each run and p50/p95 (screenshots in DIR/bench/); exit 0 when every run was measured."})
public final class AppSaveBenchCommand implements Callable<Integer> {

  static final int MAX_RUNS = 50;

  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "10", description = "runs (1-" + MAX_RUNS + "), default 10")
  int runs;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || runs > MAX_RUNS) {
      throw new ParameterException(spec.commandLine(), "--runs must be between 1 and " + MAX_RUNS);
    }
    Path clusterDir = ClusterDirs.resolve(dir);
    ClusterFile cluster = ClusterFile.read(clusterDir);
    if (cluster.production() || cluster.caCertificate() == null) {
      throw new ParameterException(spec.commandLine(),
          "app-save kills processes: it runs only on a local https cluster from edgectl up");
    }
    Clock clock = Clock.systemUTC();
    Optional<ControllerApi> controller = Optional.ofNullable(cluster.controllerUrl())
        .filter(url -> cluster.jwtSecret() != null)
        .map(url -> new ControllerApi(url, cluster.jwtSecret(), clock));
    ClusterControl control = ClusterControls.open(cluster, controller, clock,
        Path.of(System.getProperty("edge.home", ".")).toAbsolutePath().normalize());
    EdgeApi api = new EdgeApi(cluster.entrypoint(), cluster.caCertificate(), cluster.username(),
        cluster.password(), Duration.ofSeconds(10));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path screenshots = clusterDir.resolve("bench");
    AppSaveBench bench = new AppSaveBench(control, api, cluster.entrypoint(), screenshots, line -> {
      err.println("bench: " + line);
      err.flush();
    });
    Path profile = screenshots.resolve("chromium-profile");
    try (BenchPhone phone = BenchPhone.open(cluster.caCertificate().resolveSibling("server.crt"), profile)) {
      SaveTimes times = bench.run(phone, cluster.username(), cluster.password(), runs);
      out.println(String.format(Locale.ROOT, "app-save: %d runs, salvar -> salvo p50 %.2f s, p95 %.2f s; runs: %s",
          times.seconds().size(), times.p50(), times.p95(), times.seconds().stream()
              .map(s -> String.format(Locale.ROOT, "%.2f", s)).toList()));
      out.flush();
      return 0;
    } catch (AppSaveBench.Aborted aborted) {
      err.println("edgectl: " + aborted.getMessage());
      return 4;
    }
  }
}
