package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

/** Whether a pinned file on disk still is what its manifest says (what edge-node checks at start-up). */
final class FileCheck {

  private FileCheck() {}

  /** Empty when the file matches; otherwise why not. */
  static Optional<String> problem(PinnedFile file) {
    if (!Files.isRegularFile(file.path())) {
      return Optional.of("file missing: " + file.path());
    }
    try {
      long size = Files.size(file.path());
      if (file.size() >= 0 && size != file.size()) {
        return Optional.of("size on disk " + size + " != pinned " + file.size());
      }
      return PackageCache.sha256(file.path()).equals(file.sha256()) ? Optional.empty()
          : Optional.of("sha256 on disk differs from the pin");
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
  }
}
