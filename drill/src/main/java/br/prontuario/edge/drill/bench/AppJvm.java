package br.prontuario.edge.drill.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM options the local cluster's edge-nodes run with, read from their processes (Linux
 * /proc). The default local configuration runs them C1-only with a small heap to spare a 2-core
 * box's CPU; a bench run says so, since that JIT alone moved p95 by half (docs/benchmarks.md).
 */
public final class AppJvm {

  private AppJvm() {}

  /** Node name → its edge-node's JVM options (empty where the process cannot be read). */
  public static Map<String, List<String>> options(Path clusterDir) {
    Map<String, List<String>> byNode = new LinkedHashMap<>();
    for (String node : List.of("node-a", "node-b")) {
      Path pidFile = clusterDir.resolve("pids").resolve(node + ".edge-node.pid");
      try {
        String pid = Files.readAllLines(pidFile).get(0).strip(); // pid, then its start time
        byNode.put(node, jvmOptions(Files.readAllBytes(Path.of("/proc", pid, "cmdline"))));
      } catch (IOException | RuntimeException e) {
        byNode.put(node, List.of());
      }
    }
    return byNode;
  }

  /** The options between the java binary and {@code -jar}, from a NUL-separated command line. */
  static List<String> jvmOptions(byte[] cmdline) {
    List<String> options = new ArrayList<>();
    String[] words = new String(cmdline, StandardCharsets.UTF_8).split("\0");
    for (int i = 1; i < words.length && !words[i].equals("-jar"); i++) {
      options.add(words[i]);
    }
    return options;
  }

  /** True when any node runs C1 only: latency and throughput then understate a production JVM. */
  public static boolean c1Only(Map<String, List<String>> options) {
    return options.values().stream().anyMatch(o -> o.contains("-XX:TieredStopAtLevel=1"));
  }
}
