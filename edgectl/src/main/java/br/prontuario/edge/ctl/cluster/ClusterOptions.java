package br.prontuario.edge.ctl.cluster;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --dir} and {@code --config}, shared by every command that acts on a local cluster. */
public final class ClusterOptions {

  @Option(names = "--dir", paramLabel = "DIR",
      description = "the cluster's state folder (default <repo>/.state/cluster)")
  Path dir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "cluster configuration (default <repo>/config/edge-cluster.yaml)")
  Path config;

  /** The repository: {@code -Dedge.home} as bin/edgectl sets it, else the working folder. */
  public static Path repositoryRoot() {
    return Path.of(System.getProperty("edge.home", ".")).toAbsolutePath().normalize();
  }

  public Path stateDir() {
    return (dir != null ? dir : repositoryRoot().resolve(".state").resolve("cluster"))
        .toAbsolutePath().normalize();
  }

  /** True when the user named a folder, so the hints we print repeat it. */
  boolean explicitDir() {
    return dir != null;
  }

  public ClusterConfig loadConfig() {
    return ClusterConfigLoader.load(config != null ? config
        : repositoryRoot().resolve(ClusterConfigLoader.DEFAULT_LOCATION));
  }

  /** The cluster in the state folder; for commands other than up, it must exist already. */
  public EdgeCluster existingCluster() {
    if (!Files.isRegularFile(stateDir().resolve("layout.json"))) {
      throw new IllegalStateException("no cluster in " + stateDir() + " (run bin/edgectl up"
          + (explicitDir() ? " --dir " + stateDir() : "") + " first)");
    }
    return cluster();
  }

  public EdgeCluster cluster() {
    return EdgeCluster.at(stateDir(), loadConfig(), repositoryRoot());
  }

  /** " --dir DIR" when the user named a folder, for the commands a message suggests. */
  public String dirHint() {
    return explicitDir() ? " --dir " + stateDir() : "";
  }
}
