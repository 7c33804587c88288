package br.prontuario.edge.node.inference.model;

import java.nio.file.Path;
import java.util.Map;

/** The verified files of one model, by role ("model", "tokenizer", ...). */
public record ModelFiles(String modelName, Map<String, Path> byRole, Map<String, String> sha256ByRole) {

  public ModelFiles {
    byRole = Map.copyOf(byRole);
    sha256ByRole = Map.copyOf(sha256ByRole);
  }

  public ModelFiles(String modelName, Map<String, Path> byRole) {
    this(modelName, byRole, Map.of());
  }

  /** The verified SHA-256 of a file, e.g. to tag what a model produced. */
  public String sha256(String role) {
    return sha256ByRole.getOrDefault(role, "unknown");
  }

  /** The file playing {@code role}; a manifest without it is a configuration error. */
  public Path require(String role) {
    Path path = byRole.get(role);
    if (path == null) {
      throw new IllegalStateException("manifest entry '" + modelName + "' has no '" + role + "' file");
    }
    return path;
  }
}
