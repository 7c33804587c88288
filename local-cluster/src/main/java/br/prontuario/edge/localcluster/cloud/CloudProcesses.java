package br.prontuario.edge.localcluster.cloud;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Who runs the cloud site's processes: the local cluster (extra components, so that
 * {@code edgectl up/down} handle them) or the caller itself (tests that need no edge cluster).
 */
public interface CloudProcesses {

  /** Where the component keeps its configuration, data and log. */
  Path dir(String component);

  /** Starts the component unless it runs already. */
  void start(String component, List<String> command, Map<String, String> env);

  /** SIGTERM and wait. */
  void stop(String component);

  /** Stops every component this site started, in reverse order. */
  void stopAll();

  Path log(String component);
}
