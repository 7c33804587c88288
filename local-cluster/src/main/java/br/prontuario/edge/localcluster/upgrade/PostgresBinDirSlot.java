package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * One node's recorded PostgreSQL binaries folder and the record it replaced, so an upgrade can
 * be undone: none recorded means the configured folder, and undoing then removes the record.
 */
final class PostgresBinDirSlot {

  private final Path record;
  private final Optional<String> before;

  PostgresBinDirSlot(EdgeCluster cluster, NodeName node) {
    this.record = cluster.installedPostgresBinDirFile(node);
    try {
      this.before = Files.isRegularFile(record) ? Optional.of(Files.readString(record))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + record, e);
    }
  }

  void install(Path binDir) {
    write(binDir.toAbsolutePath() + "\n");
  }

  void undo() {
    if (before.isPresent()) {
      write(before.get());
      return;
    }
    try {
      Files.deleteIfExists(record);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + record, e);
    }
  }

  private void write(String content) {
    try {
      Path incoming = record.resolveSibling(record.getFileName() + ".incoming");
      Files.writeString(incoming, content);
      Files.move(incoming, record, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + record, e);
    }
  }
}
