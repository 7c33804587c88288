package br.prontuario.edge.localcluster.haproxy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.Durations;
import br.prontuario.edge.localcluster.config.HaproxySettings;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.StringJoiner;

/**
 * {@code haproxy.cfg} for the entry point, local or production: one frontend, a backend of the two
 * edge-nodes checked on their readiness endpoint, a {@code cloud} backup slot that starts in
 * maintenance (the failover controller enables it through the runtime API), a stats page.
 */
public final class HaproxyConfig {

  public static final String FRONTEND = "edge";
  public static final String BACKEND = "edge_nodes";
  public static final String CLOUD_SERVER = "cloud";
  /** Where the placeholder cloud slot points while no cloud address is configured (discard port). */
  static final String CLOUD_PLACEHOLDER = "127.0.0.1:9";

  private HaproxyConfig() {}

  /** Local: logs to stdout, plain HTTP. Production: syslog, TLS with {@code tlsCertificate}. */
  public static String render(ClusterLayout layout, HaproxySettings settings, String tlsCertificate) {
    boolean local = tlsCertificate == null;
    var h = layout.haproxy();
    var check = settings.check();
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# HAProxy on the witness host (written by edgectl from config/edge-cluster.yaml)");
    c.add("global");
    c.add(local ? "  log stdout format raw local0 info" : "  log /dev/log local0 info");
    c.add("  maxconn 4096");
    // admin level can drain every server: in production only processes on the witness host (the
    // failover controller) reach it
    c.add("  # runtime API: the failover controller drains/enables servers here");
    c.add("  stats socket ipv4@" + (local ? h.host() : "127.0.0.1") + ":" + h.runtimeApiPort() + " level admin");
    c.add("");
    c.add("defaults");
    c.add("  mode http");
    c.add("  log global");
    c.add("  option httplog");
    c.add("  option dontlognull");
    c.add("  timeout connect 2s");
    c.add("  timeout client 60s");
    c.add("  timeout server 60s");
    c.add("  timeout check " + Durations.format(check.timeout()));
    c.add("  # a refused connection to a dead node is retried on the other one at once,");
    c.add("  # before the health checks have marked it down");
    c.add("  retries 3");
    c.add("  option redispatch 1");
    c.add("");
    c.add("frontend " + FRONTEND);
    c.add("  bind " + h.host() + ":" + h.entryPort() + (local ? "" : " ssl crt " + tlsCertificate));
    c.add("  default_backend " + BACKEND);
    c.add("");
    c.add("backend " + BACKEND);
    c.add("  balance roundrobin");
    c.add("  option httpchk GET " + check.path());
    c.add("  http-check expect status 200");
    c.add("  default-server inter " + Durations.format(check.interval()) + " downinter "
        + Durations.format(check.recheckInterval()) + " fastinter "
        + Durations.format(check.recheckInterval()) + " fall " + check.fall() + " rise "
        + check.rise());
    for (NodeName node : new NodeName[] {NodeName.NODE_A, NodeName.NODE_B}) {
      c.add("  server " + node.id() + " " + layout.host(node) + ":" + layout.ports(node).app() + " check");
    }
    c.add("  # emergency fallback in GKE: starts in maintenance; only the failover controller enables it");
    String cloud = settings.cloudBackup().isEmpty() ? CLOUD_PLACEHOLDER : settings.cloudBackup();
    // cloud-fallback passes /health/ready only once its database is promoted; the controller
    // enables it only then, so one good check is enough (every second: dropped within seconds too)
    c.add("  server " + CLOUD_SERVER + " " + cloud + " backup disabled check inter 1s rise 1");
    c.add("");
    c.add("listen stats");
    c.add("  bind " + h.host() + ":" + h.statsPort());
    c.add("  stats enable");
    c.add("  stats uri /stats");
    c.add("  stats refresh 5s");
    return c.toString();
  }
}
