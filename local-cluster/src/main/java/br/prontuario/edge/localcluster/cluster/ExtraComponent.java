package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * A process another module adds to a node (the failover controller, the cloud side), kept in
 * {@code DIR/<node>/<component>/launch.json} so later commands can start it again.
 */
record ExtraComponent(NodeName node, String component, List<String> command, Map<String, String> env,
    String url) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String FILE = "launch.json";

  ExtraComponent {
    if (Components.of(node).contains(component)) {
      throw new IllegalArgumentException(component + " is a built-in component of " + node);
    }
    command = List.copyOf(command);
    env = Map.copyOf(env);
  }

  void save(Path componentDir) {
    try {
      Files.createDirectories(componentDir);
      JSON.writerWithDefaultPrettyPrinter().writeValue(componentDir.resolve(FILE).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a component was launched from {@code componentDir} (a later start restarts it). */
  static boolean isSaved(Path componentDir) {
    return Files.isRegularFile(componentDir.resolve(FILE));
  }

  /** Drops the saved launch (its command and environment), so the next launch saves its own. */
  static void forget(Path componentDir) {
    try {
      Files.deleteIfExists(componentDir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The saved launch of {@code component} on {@code node}. */
  static ExtraComponent find(Path stateDir, NodeName node, String component) {
    return saved(stateDir, node).stream().filter(e -> e.component().equals(component)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + component + " was launched on " + node.id()));
  }

  /** Every extra component saved under the state folder for this node. */
  static List<ExtraComponent> saved(Path stateDir, NodeName node) {
    Path nodeDir = stateDir.resolve(node.id());
    List<ExtraComponent> found = new ArrayList<>();
    if (!Files.isDirectory(nodeDir)) {
      return found;
    }
    try (Stream<Path> dirs = Files.list(nodeDir)) {
      for (Path dir : dirs.sorted().toList()) {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
          found.add(JSON.readValue(file.toFile(), ExtraComponent.class));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }
}
