package br.prontuario.edge.localcluster.redis;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.ConfigFiles;
import br.prontuario.edge.localcluster.config.NodeName;
import br.prontuario.edge.localcluster.config.RedisSettings;
import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.DetachedLaunch;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Launches a node's Redis server or Sentinel from a config file written once and then owned by Sentinel. */
public final class RedisNode {

  private RedisNode() {}

  public static ManagedProcess startServer(NodeName node, ClusterLayout layout, RedisAuth auth,
      Path dir, DetachedLaunch launch) {
    Path binary = Binaries.require("redis-server", "redis-server", "redis");
    Path config = dir.resolve("redis.conf");
    // CONFIG REWRITE (Sentinel's after a failover, rotate-secrets') rewrites the file 0644 with
    // masterauth in it: the folder keeps it to its owner
    ConfigFiles.ownerOnlyFolder(dir);
    if (!Files.exists(config)) {
      ConfigFiles.writeSecret(config, RedisConfig.server(node, layout, auth, dir.toString()));
    }
    return launch.start("redis-" + node.id(), List.of(binary.toString(), config.toString()),
        dir, dir.resolve("redis.log"), Map.of());
  }

  public static ManagedProcess startSentinel(NodeName node, ClusterLayout layout, RedisSettings settings,
      RedisAuth auth, Path dir, DetachedLaunch launch) {
    Path binary = Binaries.find("redis-sentinel")
        .orElseGet(() -> Binaries.require("redis-server", "redis-sentinel", "redis"));
    Path config = dir.resolve("sentinel.conf");
    ConfigFiles.ownerOnlyFolder(dir); // Sentinel rewrites its file (auth-pass in it) 0644
    if (!Files.exists(config)) {
      ConfigFiles.writeSecret(config, RedisConfig.sentinel(node, layout, settings, auth, dir.toString()));
    }
    List<String> command = binary.getFileName().toString().equals("redis-sentinel")
        ? List.of(binary.toString(), config.toString())
        : List.of(binary.toString(), config.toString(), "--sentinel");
    return launch.start("sentinel-" + node.id(), command, dir,
        dir.resolve("sentinel.log"), Map.of());
  }
}
