package br.prontuario.edge.ctl.render;

import br.prontuario.edge.ctl.cluster.ClusterOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl render --target DIR}: the production Patroni, etcd, Redis/Sentinel and HAProxy
 * files for node-a, node-b and the witness host, from the same configuration as the local cluster.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
    description = "Write the production configuration (Patroni, etcd, Redis, Sentinel, HAProxy) "
        + "for the two Mac Studios and the witness host into TARGET/<host>/.")
public final class RenderCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "DIR", description = "output folder")
  Path target;

  @Option(names = "--config", paramLabel = "FILE",
      description = "cluster configuration (default <repo>/config/edge-cluster.yaml)")
  Path config;

  @Override
  public Integer call() {
    var loaded = br.prontuario.edge.localcluster.config.ClusterConfigLoader.load(config != null ? config
        : ClusterOptions.repositoryRoot().resolve(
            br.prontuario.edge.localcluster.config.ClusterConfigLoader.DEFAULT_LOCATION));
    List<Path> files = ProductionRenderer.render(loaded, target.toAbsolutePath());
    PrintWriter out = spec.commandLine().getOut();
    files.forEach(f -> out.println("wrote " + target.resolve(f)));
    out.println("passwords are placeholders: give Patroni PATRONI_SUPERUSER_PASSWORD, "
        + "PATRONI_REPLICATION_PASSWORD and PATRONI_REWIND_PASSWORD from the secret store");
    return 0;
  }
}
