package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * One node's installed edge-node jar and the one it replaced, so an upgrade can be undone: the
 * new jar goes to {@code app.jar}, the replaced one to {@code app.previous.jar} (none when the
 * node ran the configured jar, and undoing then removes the installed one).
 */
final class AppJarSlot {

  private final Path installed;
  private final Path previous;

  AppJarSlot(EdgeCluster cluster, NodeName node) {
    this.installed = cluster.installedAppJar(node);
    this.previous = installed.resolveSibling("app.previous.jar");
  }

  void install(Path jar) {
    try {
      Files.deleteIfExists(previous);
      if (Files.isRegularFile(installed)) {
        Files.move(installed, previous, StandardCopyOption.ATOMIC_MOVE);
      }
      Path incoming = installed.resolveSibling("app.jar.incoming");
      Files.copy(jar, incoming, StandardCopyOption.REPLACE_EXISTING);
      Files.move(incoming, installed, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install " + jar + " as " + installed, e);
    }
  }

  void undo() {
    try {
      if (Files.isRegularFile(previous)) {
        Files.move(previous, installed, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.deleteIfExists(installed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot put back the jar " + installed + " replaced", e);
    }
  }
}
