package br.prontuario.edge.node.inference.model;

/** Where a configured model stands after start-up; only {@link #LOADED} serves requests. */
public enum ModelState {
  /** Checksum verified and the runtime accepted the file. */
  LOADED,
  /** No manifest entry, or a file of the entry is absent. */
  MISSING,
  /** A file's size or SHA-256 differs from the manifest: never handed to the native runtime. */
  REFUSED,
  /** Checksum verified but the runtime could not load it. */
  FAILED
}
