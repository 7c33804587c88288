package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.haproxy.HaproxyRuntimeApi;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The clinicians' entry HAProxy, driven through its runtime API: the cloud is the {@code backup}
 * server of the edge backend, kept in maintenance until activation and then pointed at
 * cloud-fallback, where it passes its health check only once the cloud database is promoted.
 */
public final class HaproxyCommands {

  public static final String BACKEND = "edge_nodes";
  public static final String CLOUD_SERVER = "cloud";

  private final String host;
  private final int port;
  private final HaproxyRuntimeApi api;

  public HaproxyCommands(String host, int port) {
    this.host = host;
    this.port = port;
    this.api = new HaproxyRuntimeApi(host, port);
  }

  /** "host:port" as in cluster.json. */
  public static HaproxyCommands at(String address) {
    int colon = address.lastIndexOf(':');
    return new HaproxyCommands(address.substring(0, colon),
        Integer.parseInt(address.substring(colon + 1)));
  }

  /** Points the (still disabled) backup server at cloud-fallback, so enabling it is all that is left. */
  public void pointCloudAt(String cloudHost, int cloudPort) {
    expectEmpty(command("set server " + BACKEND + "/" + CLOUD_SERVER + " addr " + cloudHost
        + " port " + cloudPort), "addr");
  }

  public void routeToCloud(String cloudHost, int cloudPort) {
    pointCloudAt(cloudHost, cloudPort);
    expectEmpty(command("set server " + BACKEND + "/" + CLOUD_SERVER + " state ready"), "state");
  }

  /** The edge node's server takes requests first, then the cloud's closes: never a moment with none. */
  public void routeToEdge(String node) {
    expectEmpty(command("set server " + BACKEND + "/" + node + " state ready"), "state");
    routeAwayFromCloud();
  }

  public void routeAwayFromCloud() {
    expectEmpty(command("set server " + BACKEND + "/" + CLOUD_SERVER + " state maint"), "state");
  }

  /** The cloud server's line of {@code show servers state}, or "" if absent. */
  public String cloudServerState() {
    for (String line : command("show servers state " + BACKEND).split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length > 6 && CLOUD_SERVER.equals(f[3])) {
        return line;
      }
    }
    return "";
  }

  /** srv_admin_state bit 0x01 (forced maintenance) of the cloud server. */
  public boolean cloudInMaintenance() {
    String[] f = cloudServerState().trim().split("\\s+");
    return f.length > 6 && (Integer.parseInt(f[6]) & 0x01) != 0;
  }

  String command(String line) {
    try {
      return api.command(line);
    } catch (IOException e) {
      throw new UncheckedIOException("haproxy runtime API at " + host + ":" + port + ": "
          + e.getMessage(), e);
    }
  }

  private static void expectEmpty(String reply, String what) {
    String r = reply.strip();
    if (!r.isEmpty() && !r.startsWith("IP changed") && !r.startsWith("no need to change")
        && !r.contains("port changed")) {
      throw new IllegalStateException("haproxy refused to set " + what + ": " + r);
    }
  }
}
