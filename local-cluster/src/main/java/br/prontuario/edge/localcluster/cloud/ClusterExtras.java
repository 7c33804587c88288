package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.cluster.EdgeCluster;
import br.prontuario.edge.localcluster.config.NodeName;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The cloud site as extra components of the local cluster. They are attached to the witness only
 * for their lifecycle ({@code up} restarts them, {@code down} stops them): killing node-a and
 * node-b, the "both Mac Studios down" drill, leaves them running as a separate site would be.
 */
public final class ClusterExtras implements CloudProcesses {

  private final EdgeCluster cluster;

  public ClusterExtras(EdgeCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public Path dir(String component) {
    return cluster.dir(NodeName.WITNESS, component);
  }

  @Override
  public void start(String component, List<String> command, Map<String, String> env) {
    if (cluster.hasExtra(NodeName.WITNESS, component)) {
      cluster.start(NodeName.WITNESS); // restarts saved extras that are not running
    } else {
      cluster.launchExtra(NodeName.WITNESS, component, command, env, null);
    }
  }

  @Override
  public void stop(String component) {
    cluster.stop(NodeName.WITNESS, component);
  }

  @Override
  public void stopAll() {
    for (String component : List.of(CloudSite.APP, CloudSite.REDIS, CloudSite.PATRONI,
        CloudSite.GATEWAY, CloudSite.ETCD)) {
      stop(component);
    }
  }

  @Override
  public Path log(String component) {
    return dir(component).resolve(component + ".log");
  }
}
