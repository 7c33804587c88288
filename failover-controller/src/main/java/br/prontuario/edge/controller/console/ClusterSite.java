package br.prontuario.edge.controller.console;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the console knows about the site it serves: whether it is production (only the safe drills
 * then, as {@code edgectl drill} rules) and where the cluster folder is.
 *
 * @param production true also when the controller runs without a cluster file: unknown means safe
 */
record ClusterSite(boolean production, Optional<Path> dir) {

  static ClusterSite of(String clusterFile, Path configuredDir) {
    if (clusterFile == null || clusterFile.isBlank()) {
      return new ClusterSite(true, Optional.ofNullable(configuredDir));
    }
    Path file = Path.of(clusterFile).toAbsolutePath();
    boolean production = ClusterDescriptor.readFile(file).production();
    return new ClusterSite(production, Optional.of(configuredDir != null ? configuredDir : file.getParent()));
  }
}
