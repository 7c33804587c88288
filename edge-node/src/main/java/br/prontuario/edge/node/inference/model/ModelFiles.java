package br.prontuario.edge.node.inference.model;

import java.nio.file.Path;
import java.util.Map;

/** The verified files of one model, by role ("model", "tokenizer", ...). */
public record ModelFiles(String modelName, Map<String, Path> byRole) {

  public ModelFiles {
    byRole = Map.copyOf(byRole);
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
