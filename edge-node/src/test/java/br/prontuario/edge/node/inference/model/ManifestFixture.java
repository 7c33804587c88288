package br.prontuario.edge.node.inference.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes model manifests for tests, pinning files by their real SHA-256. */
public final class ManifestFixture {

  private ManifestFixture() {}

  /** One model with one "model" file holding {@code content}; {@code replaceWith} tampers after pinning. */
  static Path write(Path dir, String model, String content, String replaceWith) throws IOException {
    Path file = dir.resolve(model + ".bin");
    Files.writeString(file, content);
    Path manifest = write(dir, Map.of(model, Map.of("model", file)));
    if (replaceWith != null) {
      Files.writeString(file, replaceWith);
    }
    return manifest;
  }

  /** A manifest in {@code dir} pinning each model's files (role to path) as they are now. */
  public static Path write(Path dir, Map<String, Map<String, Path>> models) throws IOException {
    StringBuilder json = new StringBuilder("{\"models\": [");
    String separator = "";
    for (Map.Entry<String, Map<String, Path>> model : new LinkedHashMap<>(models).entrySet()) {
      json.append(separator).append("{\"name\": \"").append(model.getKey()).append("\", \"files\": {");
      String inner = "";
      for (Map.Entry<String, Path> file : model.getValue().entrySet()) {
        Path path = file.getValue().toAbsolutePath();
        json.append(inner).append('"').append(file.getKey()).append("\": {\"path\": \"").append(path)
            .append("\", \"sha256\": \"").append(sha256(path)).append("\", \"size\": ")
            .append(Files.size(path)).append('}');
        inner = ", ";
      }
      json.append("}}");
      separator = ", ";
    }
    json.append("]}");
    Path manifest = dir.resolve("models.json");
    Files.writeString(manifest, json.toString(), StandardCharsets.UTF_8);
    return manifest;
  }

  public static String sha256(Path path) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
