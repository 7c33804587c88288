package br.prontuario.edge.localcluster.cluster;

import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.process.ProcessSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The cluster's processes as pid files under {@code DIR/pids/}, named {@code <node>.<component>.pid}
 * and holding the pid and its start time. The start time guards against a recycled pid: a file
 * whose process has gone, or whose pid now belongs to another process, reads as not running.
 */
final class ProcessRegistry {

  private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);

  private final Path dir;

  ProcessRegistry(Path stateDir) {
    this.dir = stateDir.resolve("pids");
  }

  /** One recorded process of the cluster. */
  record Entry(NodeName node, String component, ProcessHandle handle) {}

  void record(NodeName node, String component, ProcessHandle process) {
    try {
      Files.createDirectories(dir);
      Instant started = process.info().startInstant().orElse(Instant.EPOCH);
      Path tmp = dir.resolve(fileName(node, component) + ".tmp");
      Files.writeString(tmp, process.pid() + "\n" + started.toEpochMilli() + "\n");
      Files.move(tmp, file(node, component), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The live process recorded for this node and component, if there is one. */
  Optional<ProcessHandle> find(NodeName node, String component) {
    Path file = file(node, component);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file);
      long pid = Long.parseLong(lines.get(0).strip());
      Instant recorded = Instant.ofEpochMilli(Long.parseLong(lines.get(1).strip()));
      return ProcessHandle.of(pid).filter(ProcessSignals::isRunning)
          .filter(p -> sameStart(p, recorded));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  void forget(NodeName node, String component) {
    try {
      Files.deleteIfExists(file(node, component));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the pid files of processes that are no longer running (killed ones, for instance). */
  void forgetExited() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
        String[] parts = f.getFileName().toString().replaceFirst("\\.pid$", "").split("\\.", 2);
        Optional<NodeName> node = NodeName.find(parts[0]);
        if (node.isEmpty() || parts.length < 2 || find(node.get(), parts[1]).isEmpty()) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every recorded process that is still running, for the node or (null) all nodes. */
  List<Entry> running(NodeName nodeOrNull) {
    List<Entry> result = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".pid")).sorted().toList()) {
        String[] parts = f.getFileName().toString().replaceFirst("\\.pid$", "").split("\\.", 2);
        Optional<NodeName> node = NodeName.find(parts[0]);
        if (node.isEmpty() || parts.length < 2 || (nodeOrNull != null && node.get() != nodeOrNull)) {
          continue;
        }
        find(node.get(), parts[1]).ifPresent(h -> result.add(new Entry(node.get(), parts[1], h)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  private static boolean sameStart(ProcessHandle process, Instant recorded) {
    if (recorded.equals(Instant.EPOCH)) {
      return true;
    }
    return process.info().startInstant()
        .map(actual -> Duration.between(actual, recorded).abs().compareTo(START_TIME_TOLERANCE) <= 0)
        .orElse(true);
  }

  private Path file(NodeName node, String component) {
    return dir.resolve(fileName(node, component));
  }

  private static String fileName(NodeName node, String component) {
    if (!component.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("component names are lower-case words: " + component);
    }
    return node.id() + "." + component + ".pid";
  }
}
