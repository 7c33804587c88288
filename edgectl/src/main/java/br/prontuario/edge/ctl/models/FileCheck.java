package br.prontuario.edge.ctl.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(file.path())) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      return actual.equals(file.sha256()) ? Optional.empty() : Optional.of("sha256 on disk differs from the pin");
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
