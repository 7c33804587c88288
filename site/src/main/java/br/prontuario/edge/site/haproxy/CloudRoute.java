package br.prontuario.edge.site.haproxy;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The cloud's path through the clinicians' entry HAProxy, as edgectl moves it by hand: the cloud
 * is the {@code backup} server of the edge backend, kept in maintenance until activation and then
 * pointed at cloud-fallback, where it passes its health check only once the cloud database is
 * promoted. (The controller moves the same servers through its {@code HaproxyRouter}.)
 */
public final class CloudRoute {

  public static final String BACKEND = "edge_nodes";
  public static final String CLOUD_SERVER = "cloud";

  private final HaproxyRuntimeApi api;

  public CloudRoute(HaproxyRuntimeApi api) {
    this.api = api;
  }

  /** "host:port" of the runtime API, as in cluster.json. */
  public static CloudRoute at(String runtimeApiAddress) {
    return new CloudRoute(HaproxyRuntimeApi.of(runtimeApiAddress));
  }

  /** Points the (still disabled) backup server at cloud-fallback, so enabling it is all that is left. */
  public void pointCloudAt(String cloudHost, int cloudPort) {
    run(() -> api.setAddress(BACKEND, CLOUD_SERVER, cloudHost, cloudPort));
  }

  public void routeToCloud(String cloudHost, int cloudPort) {
    pointCloudAt(cloudHost, cloudPort);
    run(() -> api.setState(BACKEND, CLOUD_SERVER, "ready"));
  }

  /** The edge node's server takes requests first, then the cloud's closes: never a moment with none. */
  public void routeToEdge(String node) {
    run(() -> api.setState(BACKEND, node, "ready"));
    routeAwayFromCloud();
  }

  public void routeAwayFromCloud() {
    run(() -> api.setState(BACKEND, CLOUD_SERVER, "maint"));
  }

  /** Whether the cloud server is in forced maintenance (false when HAProxy does not list it). */
  public boolean cloudInMaintenance() {
    try {
      ServerState cloud = api.serversState(BACKEND).get(CLOUD_SERVER);
      return cloud != null && cloud.inMaintenance();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private interface Command {
    void run() throws IOException;
  }

  private void run(Command command) {
    try {
      command.run();
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  private UncheckedIOException unreachable(IOException e) {
    return new UncheckedIOException("haproxy runtime API at " + api.address() + ": "
        + e.getMessage(), e);
  }
}
