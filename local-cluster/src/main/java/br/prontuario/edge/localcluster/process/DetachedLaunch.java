package br.prontuario.edge.localcluster.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a node's engine is started: detached ({@link ManagedProcess#startDetached}), under a prefix
 * that confines it to its node (the node's control group) or under none.
 */
public record DetachedLaunch(List<String> prefix) {

  public static final DetachedLaunch PLAIN = new DetachedLaunch(List.of());

  public DetachedLaunch {
    prefix = List.copyOf(prefix);
  }

  public ManagedProcess start(String name, List<String> command, Path workDir, Path log,
      Map<String, String> env) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    return ManagedProcess.startDetached(name, full, workDir, log, env);
  }
}
