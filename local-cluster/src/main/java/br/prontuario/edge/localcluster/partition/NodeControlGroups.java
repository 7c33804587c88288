package br.prontuario.edge.localcluster.partition;

import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One cgroup v2 group per node of a local cluster, so that a node's traffic can be told apart on
 * loopback, where every process of every node shares 127.0.0.1: nftables matches a packet's
 * socket by its group ({@link NetworkPartitions}). Every process of the node is started inside
 * its group, so each socket it ever opens belongs to the node; Patroni's PostgreSQL and the
 * backends it forks inherit the group. The groups live under
 * {@code <cgroup2 mount>/prontuario-edge/<cluster id>/<node>}; the cluster id is a hash of the
 * state folder, so clusters side by side never share a group.
 *
 * <p>Where there is no writable cgroup v2 (macOS, or not root) nodes start as before and
 * partitions cannot be made; {@link #unavailableReason()} says why.
 */
public final class NodeControlGroups {

  static final String ROOT_GROUP = "prontuario-edge";
  private static final Path SYS_FS_CGROUP = Path.of("/sys/fs/cgroup");

  private final Optional<Path> mount;
  private final String clusterId;

  NodeControlGroups(Optional<Path> mount, String clusterId) {
    this.mount = mount;
    this.clusterId = clusterId;
  }

  /** The groups of the cluster in {@code stateDir}, on this machine's cgroup v2 mount if any. */
  public static NodeControlGroups of(Path stateDir) {
    return new NodeControlGroups(CgroupMount.find(Path.of("/proc/self/mounts")), clusterId(stateDir));
  }

  static String clusterId(Path stateDir) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          stateDir.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String clusterId() {
    return clusterId;
  }

  /** Empty when nodes can be confined; else why not (a one-line reason for the operator). */
  public Optional<String> unavailableReason() {
    if (mount.isEmpty()) {
      return Optional.of("this machine has no cgroup v2 mount (network partitions need Linux)");
    }
    Path clusterGroup = clusterGroup();
    try {
      Files.createDirectories(clusterGroup);
      return Optional.empty();
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot create the control group " + clusterGroup
          + " (network partitions need root): " + e.getMessage());
    }
  }

  public boolean available() {
    return unavailableReason().isEmpty();
  }

  /** The folder of {@code node}'s group. */
  public Path group(NodeName node) {
    return clusterGroup().resolve(node.id());
  }

  /** The group's path as nftables names it: relative to /sys/fs/cgroup. */
  String nftPath(NodeName node) {
    Path group = group(node);
    return group.startsWith(SYS_FS_CGROUP) ? SYS_FS_CGROUP.relativize(group).toString() : group.toString();
  }

  /** The group's depth below the cgroup v2 root: the level nftables compares ancestors at. */
  int nftLevel(NodeName node) {
    return mount.orElseThrow().relativize(group(node)).getNameCount();
  }

  /**
   * The command that starts {@code node}'s engines: the shell writes its own pid into the node's
   * group and then becomes the engine (exec), so the engine never runs a moment outside it. Plain
   * when groups are unavailable.
   */
  public List<String> launchPrefix(NodeName node) {
    if (!available()) {
      return List.of();
    }
    Path group = group(node);
    try {
      Files.createDirectories(group);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + group, e);
    }
    return List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
        group.resolve("cgroup.procs").toString());
  }

  /** The pids that are in {@code node}'s group now. */
  public List<Long> members(NodeName node) {
    Path procs = group(node).resolve("cgroup.procs");
    if (!Files.isRegularFile(procs)) {
      return List.of();
    }
    try {
      List<Long> pids = new ArrayList<>();
      for (String line : Files.readAllLines(procs)) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.strip()));
        }
      }
      return pids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes the cluster's groups once their processes have gone (a group with members stays). */
  public void removeEmpty() {
    if (mount.isEmpty()) {
      return;
    }
    for (NodeName node : NodeName.values()) {
      removeIfEmpty(group(node));
    }
    removeIfEmpty(clusterGroup());
    removeIfEmpty(clusterGroup().getParent());
  }

  private static void removeIfEmpty(Path group) {
    try {
      // a cgroup folder is removed with rmdir although it lists control files
      if (Files.isDirectory(group)) {
        new ProcessBuilder("rmdir", group.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
      }
    } catch (IOException e) {
      // still populated or already gone: the next down tries again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path clusterGroup() {
    return mount.orElseThrow().resolve(ROOT_GROUP).resolve(clusterId);
  }
}
