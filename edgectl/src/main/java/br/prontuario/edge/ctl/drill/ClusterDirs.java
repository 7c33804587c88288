package br.prontuario.edge.ctl.drill;

import java.nio.file.Path;

/** The cluster folder: {@code --dir} or {@code <repo>/.state/cluster} (bin/edgectl sets edge.home). */
public final class ClusterDirs {

  private ClusterDirs() {}

  public static Path resolve(Path dir) {
    if (dir != null) {
      return dir.toAbsolutePath();
    }
    return Path.of(System.getProperty("edge.home", ".")).resolve(".state").resolve("cluster")
        .toAbsolutePath().normalize();
  }
}
