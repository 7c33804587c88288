package br.prontuario.edge.ctl.models;

import br.prontuario.edge.site.cluster.ClusterDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl models verify --dir DIR}: every node pins the same model files (name, SHA-256,
 * size), and each node's files on disk match its pins. Exit 0 when all agree, 1 naming each
 * mismatch, 2 when a manifest cannot be found or read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Compares the model manifests of the nodes (name, sha256, size) and the files they pin.",
        "Manifests: --manifest NODE=PATH, else each node's \"modelManifest\" in DIR/cluster.json,",
        "else DIR/NODE/models/manifest.json."})
public final class ModelsVerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Option(names = "--manifest", paramLabel = "NODE=PATH", description = "a node's manifest, overriding DIR")
  Map<String, Path> manifests = new LinkedHashMap<>();

  @Option(names = "--no-files", description = "compare the manifests only, do not hash the files")
  boolean manifestsOnly;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<NodeManifest> nodes = new ArrayList<>();
    try {
      for (Map.Entry<String, Path> node : manifestPaths().entrySet()) {
        nodes.add(NodeManifest.read(node.getKey(), node.getValue()));
      }
    } catch (IOException e) {
      err.println("edgectl: " + e.getMessage());
      return 2;
    }
    if (nodes.size() < 2) {
      err.println("edgectl: need the manifests of at least two nodes, found " + nodes.size());
      return 2;
    }
    List<String> problems = new ArrayList<>();
    ManifestComparison.compare(nodes).forEach(m -> problems.add(m.file() + ": " + m.reason()));
    if (!manifestsOnly) {
      for (NodeManifest node : nodes) {
        for (PinnedFile file : node.files().values()) {
          FileCheck.problem(file).ifPresent(p -> problems.add(file.key() + " on " + node.node() + ": " + p));
        }
      }
    }
    ManifestComparison.modelsPerNode(nodes).forEach((node, count) -> out.println(node + ": " + count + " model files pinned"));
    problems.forEach(p -> out.println("MISMATCH " + p));
    out.flush();
    if (!problems.isEmpty()) {
      err.println("edgectl: models differ: " + problems.size() + " mismatch(es), first " + problems.get(0));
      return 1;
    }
    out.println("models agree on every node");
    return 0;
  }

  private Map<String, Path> manifestPaths() throws IOException {
    if (manifests.size() >= 2) {
      return manifests;
    }
    Path cluster = clusterDir();
    Path descriptor = cluster.resolve("cluster.json");
    if (!Files.isRegularFile(descriptor)) {
      throw new IOException("no " + descriptor + ": start the cluster (edgectl up) or pass --manifest NODE=PATH twice");
    }
    ClusterDescriptor described;
    try {
      described = ClusterDescriptor.read(cluster);
    } catch (IllegalArgumentException unreadable) {
      throw new IOException(unreadable.getMessage(), unreadable);
    }
    Map<String, Path> paths = new LinkedHashMap<>(manifests);
    for (ClusterDescriptor.Node node : described.nodes()) {
      String name = node.name() == null ? "" : node.name();
      if (name.isEmpty() || paths.containsKey(name)) {
        continue;
      }
      String configured = node.modelManifest() == null ? "" : node.modelManifest();
      Path path = configured.isEmpty() ? cluster.resolve(name).resolve("models").resolve("manifest.json") : Path.of(configured);
      if (!Files.isRegularFile(path)) {
        throw new IOException("no model manifest for " + name + " at " + path);
      }
      paths.put(name, path);
    }
    return paths;
  }

  private Path clusterDir() {
    return ModelsFolders.stateDir(dir);
  }
}
