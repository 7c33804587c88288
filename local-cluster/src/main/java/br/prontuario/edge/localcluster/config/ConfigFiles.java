package br.prontuario.edge.localcluster.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Writes the engines' configuration files (YAML as a map, so quoting is never hand-made). */
public final class ConfigFiles {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private ConfigFiles() {}

  public static void writeYaml(Path file, String headerComment, Map<String, Object> content) {
    writeText(file, "# " + headerComment + "\n" + YAML.writeValueAsString(content));
  }

  public static void writeText(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file holding passwords: readable by its owner only (mode 0600) before anything is in it. */
  public static void writeSecret(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(file);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Makes {@code dir} reachable by its owner only (0700), creating it if needed: for servers that
   * rewrite their own secret-holding files with wider modes (Redis and Sentinel write 0644).
   */
  public static void ownerOnlyFolder(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #writeSecret} for YAML. */
  public static void writeSecretYaml(Path file, String headerComment, Map<String, Object> content) {
    writeSecret(file, "# " + headerComment + "\n" + YAML.writeValueAsString(content));
  }
}
