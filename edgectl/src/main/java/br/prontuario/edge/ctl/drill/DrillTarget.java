package br.prontuario.edge.ctl.drill;

import br.prontuario.edge.drill.scenario.ClusterControl;
import br.prontuario.edge.drill.scenario.ClusterControls;
import br.prontuario.edge.drill.scenario.ClusterFile;
import br.prontuario.edge.drill.scenario.ControllerApi;
import br.prontuario.edge.drill.scenario.LoadSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The cluster a drill or a soak runs against, read from its folder, and the load's settings there. */
record DrillTarget(ClusterFile cluster, Optional<ControllerApi> controller, ClusterControl control,
    Clock clock) {

  static DrillTarget open(Path clusterDir) {
    ClusterFile cluster = ClusterFile.read(clusterDir);
    Clock clock = Clock.systemUTC();
    Optional<ControllerApi> controller = ControllerApi.of(cluster, clock);
    ClusterControl control = ClusterControls.open(cluster, controller, clock,
        Path.of(System.getProperty("edge.home", ".")).toAbsolutePath().normalize());
    return new DrillTarget(cluster, controller, control, clock);
  }

  /** The clients write through the first entry URL and retry at the others. */
  LoadSettings load(int clients) {
    return new LoadSettings(cluster.entrypoint(), cluster.caCertificate(), cluster.username(),
        cluster.password(), clients, cluster.entrypoints().subList(1, cluster.entrypoints().size()));
  }
}
