package br.prontuario.edge.localcluster.upgrade;

import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@link RollingUpgrade} moves to a new version on one node at a time: edge-node's jar
 * ({@link AppJarUpgrade}) or PostgreSQL's binaries ({@link PostgresMinorUpgrade}).
 */
public interface NodeUpgrade {

  /** The component's name in progress lines: "edge-node", "PostgreSQL". */
  String component();

  /**
   * Before anything is touched: throws {@link IllegalStateException} when the cluster, whose
   * leader is {@code leader}, is not whole enough to upgrade.
   */
  void checkWhole(NodeName leader);

  /** Records the new version as the one {@code node} runs (not started yet). */
  void install(NodeName node);

  /** Records again the version {@code node} ran before {@link #install}. */
  void putBack(NodeName node);

  /** Restarts the component on what is recorded; empty once it serves again, else why not. */
  Optional<String> restartAndAwait(NodeName node);

  /** The log a person reads when the node did not come back. */
  Path log(NodeName node);
}
