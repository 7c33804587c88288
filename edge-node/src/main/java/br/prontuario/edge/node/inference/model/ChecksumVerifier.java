package br.prontuario.edge.node.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks a model file against its manifest pin before any native runtime sees it. */
final class ChecksumVerifier {

  sealed interface Verification {}

  record Verified() implements Verification {}

  record Absent(String reason) implements Verification {}

  record Mismatch(String reason) implements Verification {}

  private ChecksumVerifier() {}

  static Verification verify(ModelFile file) {
    if (!Files.isRegularFile(file.path())) {
      return new Absent("file not found: " + file.path());
    }
    try {
      long size = Files.size(file.path());
      if (file.size() >= 0 && size != file.size()) {
        return new Mismatch("size " + size + " != expected " + file.size() + " for " + file.path());
      }
      String actual = sha256(file);
      if (!actual.equals(file.sha256())) {
        return new Mismatch("sha256 " + actual + " != expected " + file.sha256() + " for " + file.path());
      }
      return new Verified();
    } catch (IOException e) {
      return new Absent("unreadable: " + file.path() + " (" + e.getMessage() + ")");
    }
  }

  static String sha256(ModelFile file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = Files.newInputStream(file.path())) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }
}
