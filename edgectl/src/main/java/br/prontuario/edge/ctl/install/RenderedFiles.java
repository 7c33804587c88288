package br.prontuario.edge.ctl.install;

import br.prontuario.edge.ctl.render.ProductionRenderer;
import br.prontuario.edge.localcluster.backup.ProductionBackups;
import br.prontuario.edge.localcluster.config.ClusterConfig;
import br.prontuario.edge.localcluster.config.NodeName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The configuration {@code edgectl render} writes for one host, placed where that host's services
 * read it. The files come from {@link ProductionRenderer} itself (into a staging folder that is
 * deleted afterwards): install adds no second renderer.
 */
final class RenderedFiles {

  static final String KEPT = "Sentinel rewrites it after a failover (the master's address); "
      + "delete it to have install write it again";

  private final List<PlannedFile> files = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private RenderedFiles() {}

  static RenderedFiles of(ClusterConfig config, NodeName node, Host host) {
    RenderedFiles placed = new RenderedFiles();
    read(config, node).forEach((name, content) -> placed.place(host, name, content));
    return placed;
  }

  List<PlannedFile> files() {
    return files;
  }

  /** Rendered files this host does not install, each with the reason. */
  List<String> notes() {
    return notes;
  }

  private void place(Host host, String name, String content) {
    var dirs = host.dirs();
    switch (name) {
      case "etcd.conf.yml", "haproxy.cfg", "edge-node.properties", "failover-controller.properties",
          "replication-gateway.cfg", "kafka-server.properties", "kafka-log4j2.properties" ->
          files.add(PlannedFile.root(host.config(name), content));
      // a folder for Patroni: it merges this file with the operator's secrets.yml beside it
      case "patroni.yml" -> files.add(PlannedFile.root(host.config("patroni/patroni.yml"), content));
      // holds repo2's cipher passphrase once filled in
      case "pgbackrest.conf" -> files.add(PlannedFile.secret(ProductionBackups.CONFIG, content,
          host.databaseAccount()));
      case "redis.conf" -> files.add(PlannedFile.secret(dirs.redis() + "/redis.conf", content,
          host.serviceAccount()).keptOnceWritten(KEPT));
      case "sentinel.conf" -> files.add(PlannedFile.secret(dirs.sentinel() + "/sentinel.conf", content,
          host.serviceAccount()).keptOnceWritten(KEPT));
      case "keepalived.conf" -> {
        if (host.platform() == Platform.LINUX) {
          files.add(PlannedFile.root(host.config(name), content));
        } else {
          notes.add("keepalived.conf: keepalived is Linux-only; the Mac Studios are "
              + "reached at their own addresses (docs/failover.md, \"macOS\")");
        }
      }
      default -> throw new IllegalStateException("edgectl render wrote " + name + ", which install has no place for");
    }
  }

  private static Map<String, String> read(ClusterConfig config, NodeName node) {
    Path staging = null;
    try {
      staging = Files.createTempDirectory("edgectl-install-");
      ProductionRenderer.render(config, staging);
      Map<String, String> files = new TreeMap<>();
      try (Stream<Path> list = Files.list(staging.resolve(node.id()))) {
        for (Path file : list.toList()) {
          files.put(file.getFileName().toString(), Files.readString(file));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(staging);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the staging folder " + dir, e);
    }
  }
}
