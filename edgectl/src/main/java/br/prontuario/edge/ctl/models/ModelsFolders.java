package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The cluster folder and the nodes that run models, shared by the models commands. */
final class ModelsFolders {

  /** The data nodes: each runs an edge-node and needs the same pinned models. */
  static final List<String> NODES = Arrays.stream(NodeName.values()).filter(NodeName::isDataNode).map(NodeName::id).toList();

  private ModelsFolders() {}

  static Path stateDir(Path dir) {
    return dir != null ? dir.toAbsolutePath().normalize()
        : Path.of(System.getProperty("edge.home", ".")).resolve(".state").resolve("cluster").toAbsolutePath().normalize();
  }
}
