package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cloud processes held by this JVM (tests): stopped by {@link #stopAll()} or when it exits. */
public final class OwnProcesses implements CloudProcesses {

  private final Path root;
  private final Map<String, ManagedProcess> running = new LinkedHashMap<>();

  public OwnProcesses(Path root) {
    this.root = root;
  }

  @Override
  public Path dir(String component) {
    return root.resolve(component);
  }

  @Override
  public synchronized void start(String component, List<String> command, Map<String, String> env) {
    ManagedProcess current = running.get(component);
    if (current != null && current.isAlive()) {
      return;
    }
    running.put(component, ManagedProcess.start(component, command, dir(component),
        log(component), env));
  }

  @Override
  public synchronized void stop(String component) {
    ManagedProcess process = running.remove(component);
    if (process != null) {
      process.stop(Duration.ofSeconds(60));
    }
  }

  @Override
  public synchronized void stopAll() {
    List<String> names = new ArrayList<>(running.keySet());
    java.util.Collections.reverse(names);
    names.forEach(this::stop);
  }

  @Override
  public Path log(String component) {
    return dir(component).resolve(component + ".log");
  }
}
