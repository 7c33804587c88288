package br.prontuario.edge.ctl.models;

import java.nio.file.Path;

/** One file of a model as a node's manifest pins it. */
record PinnedFile(String model, String role, Path path, String sha256, long size) {

  String key() {
    return model + "." + role;
  }
}
