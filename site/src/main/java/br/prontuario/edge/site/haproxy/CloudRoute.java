package br.prontuario.edge.site.haproxy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cloud's path through the clinicians' entry HAProxy, as edgectl moves it by hand: the cloud
 * is the {@code backup} server of the edge backend, kept in maintenance until activation and then
 * pointed at cloud-fallback, where it passes its health check only once the cloud database is
 * promoted. (The controller moves the same servers through its {@code HaproxyRouter}.)
 */
public final class CloudRoute {

  public static final String BACKEND = "edge_nodes";
  public static final String CLOUD_SERVER = "cloud";

  private final List<HaproxyRuntimeApi> apis;

  public CloudRoute(HaproxyRuntimeApi api) {
    this(List.of(api));
  }

  /** Every entry HAProxy (one per box): each command goes to all that answer. */
  public CloudRoute(List<HaproxyRuntimeApi> apis) {
    this.apis = List.copyOf(apis);
  }

  /** "host:port" of the runtime API, as in cluster.json. */
  public static CloudRoute at(String runtimeApiAddress) {
    return new CloudRoute(HaproxyRuntimeApi.of(runtimeApiAddress));
  }

  /** Every entry HAProxy's runtime API ("host:port" each, as {@code runtimeApis} in cluster.json). */
  public static CloudRoute at(List<String> runtimeApiAddresses) {
    return new CloudRoute(runtimeApiAddresses.stream().map(HaproxyRuntimeApi::of).toList());
  }

  /** Points the (still disabled) backup server at cloud-fallback, so enabling it is all that is left. */
  public void pointCloudAt(String cloudHost, int cloudPort) {
    run(api -> api.setAddress(BACKEND, CLOUD_SERVER, cloudHost, cloudPort));
  }

  public void routeToCloud(String cloudHost, int cloudPort) {
    pointCloudAt(cloudHost, cloudPort);
    run(api -> api.setState(BACKEND, CLOUD_SERVER, "ready"));
  }

  /** The edge node's server takes requests first, then the cloud's closes: never a moment with none. */
  public void routeToEdge(String node) {
    run(api -> api.setState(BACKEND, node, "ready"));
    routeAwayFromCloud();
  }

  public void routeAwayFromCloud() {
    run(api -> api.setState(BACKEND, CLOUD_SERVER, "maint"));
  }

  /**
   * Whether the cloud server is in forced maintenance on every entry HAProxy that answers (false
   * when one does not list it).
   */
  public boolean cloudInMaintenance() {
    List<Boolean> answers = new ArrayList<>();
    run(api -> {
      ServerState cloud = api.serversState(BACKEND).get(CLOUD_SERVER);
      answers.add(cloud != null && cloud.inMaintenance());
    });
    return !answers.contains(false);
  }

  private interface Command {
    void run(HaproxyRuntimeApi api) throws IOException;
  }

  /**
   * On every HAProxy; one that does not answer (its box is down) is skipped, but at least one
   * must answer. The controller resynchronises a skipped one when it is back.
   */
  private void run(Command command) {
    List<String> silent = new ArrayList<>();
    for (HaproxyRuntimeApi api : apis) {
      try {
        command.run(api);
      } catch (IOException e) {
        silent.add(api.address() + ": " + e.getMessage());
      }
    }
    if (silent.size() == apis.size()) {
      throw new UncheckedIOException(new IOException("haproxy runtime API at "
          + String.join(", ", silent)));
    }
  }
}
