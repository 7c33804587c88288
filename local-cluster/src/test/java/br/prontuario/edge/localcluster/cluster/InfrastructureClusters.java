package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.ClusterConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The infrastructure cluster (no apps) the module's ITs start in a fresh folder under target/. */
public final class InfrastructureClusters {

  private InfrastructureClusters() {}

  /** Starts one and returns it once it serves; the caller stops it. */
  public static EdgeCluster start(String folderPrefix) throws IOException {
    Path module = Path.of(System.getProperty("user.dir"));
    Path target = Files.createDirectories(module.resolve("target"));
    Path repo = module.getParent();
    EdgeCluster cluster = EdgeCluster.infrastructureAt(Files.createTempDirectory(target, folderPrefix),
        ClusterConfigLoader.loadFromRepository(repo), repo);
    cluster.start();
    return cluster;
  }
}
