package br.prontuario.edge.node.inference.model;

import br.prontuario.edge.node.inference.model.ChecksumVerifier.Absent;
import br.prontuario.edge.node.inference.model.ChecksumVerifier.Mismatch;
import br.prontuario.edge.node.inference.model.ChecksumVerifier.Verification;
import br.prontuario.edge.node.inference.model.ChecksumVerifier.Verified;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Loads every model a {@link ModelLoader} exists for, at start-up, strictly after its files match
 * the manifest (a corrupt ggml file can crash the JVM inside whisper.cpp). Each model ends in one
 * {@link ModelState}; nothing here ever fails the application start.
 */
public final class ModelRegistry implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);

  private final Map<String, ModelStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, AutoCloseable> handles = new ConcurrentHashMap<>();

  public ModelRegistry(Path manifestPath, List<ModelLoader<?>> loaders) {
    ModelManifest manifest = readManifest(manifestPath);
    for (ModelLoader<?> loader : loaders) {
      ModelStatus status = load(loader, manifest.filesOf(loader.modelName()));
      statuses.put(status.name(), status);
    }
  }

  /** The loaded handle of {@code name}, or 503 for the caller's feature. */
  public <M extends AutoCloseable> M require(String name, Class<M> type) {
    AutoCloseable handle = handles.get(name);
    if (handle == null) {
      throw new ModelUnavailableException(status(name));
    }
    return type.cast(handle);
  }

  public ModelStatus status(String name) {
    return statuses.getOrDefault(name, new ModelStatus(name, ModelState.MISSING, "no loader for this model"));
  }

  public Map<String, ModelStatus> statuses() {
    return new TreeMap<>(statuses);
  }

  private ModelStatus load(ModelLoader<?> loader, Optional<Map<String, ModelFile>> entry) {
    String name = loader.modelName();
    if (entry.isEmpty()) {
      return logged(new ModelStatus(name, ModelState.MISSING, "not in the model manifest"));
    }
    Map<String, Path> paths = new LinkedHashMap<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Map.Entry<String, ModelFile> file : entry.get().entrySet()) {
      Verification verification = ChecksumVerifier.verify(file.getValue());
      if (verification instanceof Absent absent) {
        return logged(new ModelStatus(name, ModelState.MISSING, absent.reason()));
      }
      if (verification instanceof Mismatch mismatch) {
        return logged(new ModelStatus(name, ModelState.REFUSED, "checksum mismatch, not loaded: " + mismatch.reason()));
      }
      if (verification instanceof Verified) {
        paths.put(file.getKey(), file.getValue().path());
        hashes.put(file.getKey(), file.getValue().sha256());
      }
    }
    try {
      handles.put(name, LargeStack.call(name, () -> loader.load(new ModelFiles(name, paths, hashes))));
      return logged(new ModelStatus(name, ModelState.LOADED, "checksums verified"));
    } catch (Exception e) {
      log.error("model '{}' FAILED to load after its checksums matched", name, e);
      return new ModelStatus(name, ModelState.FAILED, "runtime could not load it: " + e.getMessage());
    }
  }

  private static ModelStatus logged(ModelStatus status) {
    if (status.loaded()) {
      log.info("model '{}' LOADED ({})", status.name(), status.detail());
    } else {
      log.warn("model '{}' {}: {}; its feature answers 503", status.name(), status.state(), status.detail());
    }
    return status;
  }

  private static ModelManifest readManifest(Path manifestPath) {
    if (manifestPath == null) {
      log.warn("no edge.inference.manifest configured: local AI features are off");
      return ModelManifest.empty();
    }
    try {
      return ModelManifest.read(manifestPath);
    } catch (IOException | RuntimeException e) {
      log.error("model manifest {} unreadable, every model is MISSING: {}", manifestPath, e.getMessage());
      return ModelManifest.empty();
    }
  }

  @Override
  public void destroy() throws Exception {
    for (AutoCloseable handle : handles.values()) {
      handle.close();
    }
    handles.clear();
  }
}
