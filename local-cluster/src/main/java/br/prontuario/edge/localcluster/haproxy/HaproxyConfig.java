package br.prontuario.edge.localcluster.haproxy;

import br.prontuario.edge.localcluster.cluster.ClusterLayout;
import br.prontuario.edge.localcluster.config.Durations;
import br.prontuario.edge.localcluster.config.HaproxySettings;
import br.prontuario.edge.localcluster.config.NodeName;
import java.util.StringJoiner;

/**
 * {@code haproxy.cfg} for one of the entry HAProxies (one per box, all alike), local or
 * production: an HTTPS frontend (TLS terminated
 * here, HSTS), a plain-HTTP frontend that only redirects to it, a backend of the two edge-nodes
 * checked on their readiness endpoint over plain HTTP, a {@code cloud} backup slot that starts in
 * maintenance (the failover controller enables it through the runtime API), the lab systems'
 * HL7 v2 over MLLP (TCP, TLS terminated here, the same health checks) and a stats page.
 */
public final class HaproxyConfig {

  public static final String FRONTEND = "edge";
  public static final String REDIRECT_FRONTEND = "edge_http";
  /** Where the local redirect port hands out the cluster's CA certificate (for phones to install). */
  public static final String CA_PATH = "/ca.crt";
  /** One year: browsers then refuse plain HTTP to this host even before the redirect. */
  static final long HSTS_MAX_AGE_SECONDS = 31_536_000;
  public static final String BACKEND = "edge_nodes";
  public static final String LAB_FRONTEND = "lab_mllp";
  public static final String LAB_BACKEND = "lab_mllp_nodes";
  public static final String CLOUD_SERVER = "cloud";
  /** Where the placeholder cloud slot points while no cloud address is configured (discard port). */
  static final String CLOUD_PLACEHOLDER = "127.0.0.1:9";

  private HaproxyConfig() {}

  /** Where the file is for: the local cluster (logs to stdout, the CA handed out) or production. */
  public enum Site { LOCAL, PRODUCTION }

  /**
   * @param tls the TLS certificate and where its CA is: locally both in {@code DIR/tls/}; in
   *     production the CA is the hospital's and is not handed out by HAProxy
   */
  public static String render(ClusterLayout layout, NodeName host, HaproxySettings settings, Site site,
      Tls tls) {
    return render(layout, host, settings, site, tls, "");
  }

  /**
   * @param virtualIp production: the floating address keepalived moves between the boxes; every
   *     HAProxy also listens there (needs {@code net.ipv4.ip_nonlocal_bind=1}); empty for none
   */
  public static String render(ClusterLayout layout, NodeName host, HaproxySettings settings, Site site,
      Tls tls, String virtualIp) {
    boolean local = site == Site.LOCAL;
    var h = layout.entry(host);
    var check = settings.check();
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# HAProxy on " + host + " (written by edgectl from config/edge-cluster.yaml)");
    c.add("global");
    c.add(local ? "  log stdout format raw local0 info" : "  log /dev/log local0 info");
    c.add("  maxconn 4096");
    // admin level can drain every server: in production it listens on the host's own address so
    // that the acting failover controller, on whichever box, drives every HAProxy (firewall it to
    // the three hosts)
    c.add("  # runtime API: the failover controller drains/enables servers here");
    c.add("  stats socket ipv4@" + h.host() + ":" + h.runtimeApiPort() + " level admin");
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
    c.add("  bind " + h.host() + ":" + h.entryPort() + " ssl crt " + tls.certificate() + " alpn h2,http/1.1");
    if (!virtualIp.isEmpty()) {
      c.add("  bind " + virtualIp + ":" + h.entryPort() + " ssl crt " + tls.certificate() + " alpn h2,http/1.1");
    }
    c.add("  http-after-response set-header Strict-Transport-Security \"max-age=" + HSTS_MAX_AGE_SECONDS + "\"");
    c.add("  default_backend " + BACKEND);
    c.add("");
    c.add("# plain HTTP: nothing but the redirect to HTTPS" + (local ? " (and the local CA for phones)" : ""));
    c.add("frontend " + REDIRECT_FRONTEND);
    c.add("  bind " + h.host() + ":" + h.redirectPort());
    if (!virtualIp.isEmpty()) {
      c.add("  bind " + virtualIp + ":" + h.redirectPort());
    }
    if (local && tls.caCertificate() != null) {
      c.add("  http-request return status 200 content-type application/x-x509-ca-cert file "
          + tls.caCertificate() + " if { path " + CA_PATH + " }");
    }
    c.add(h.entryPort() == 443 ? "  http-request redirect scheme https code 301"
        : "  http-request redirect location https://%[req.hdr(host),field(1,:)]:" + h.entryPort()
            + "%[capture.req.uri] code 301");
    c.add("");
    c.add("backend " + BACKEND);
    c.add("  balance roundrobin");
    readinessCheck(c, check);
    for (NodeName node : new NodeName[] {NodeName.NODE_A, NodeName.NODE_B}) {
      c.add("  server " + node.id() + " " + layout.host(node) + ":" + layout.ports(node).app() + " check");
    }
    c.add("  # emergency fallback in GKE: starts in maintenance; only the failover controller enables it");
    String cloud = settings.cloudBackup().isEmpty() ? CLOUD_PLACEHOLDER : settings.cloudBackup();
    // cloud-fallback passes /health/ready only once its database is promoted; the controller
    // enables it only then, so one good check is enough (every second: dropped within seconds too)
    c.add("  server " + CLOUD_SERVER + " " + cloud + " backup disabled check inter 1s rise 1");
    c.add("");
    if (h.labPort() != 0) {
      lab(c, layout, h, tls, virtualIp, check);
    }
    c.add("listen stats");
    c.add("  bind " + h.host() + ":" + h.statsPort());
    c.add("  stats enable");
    c.add("  stats uri /stats");
    c.add("  stats refresh 5s");
    return c.toString();
  }

  /**
   * MLLP for the lab systems: their token travels in MSH-8, so the entry takes TLS only; the
   * edge-nodes' listeners are checked on the same readiness endpoint as their HTTP (an MLLP
   * connection could not tell a node without a database from a healthy one). No cloud slot: the
   * emergency site takes no lab results, the labs keep resending until the edge is back.
   */
  private static void lab(StringJoiner c, ClusterLayout layout, ClusterLayout.HaproxyEndpoints h,
      Tls tls, String virtualIp, HaproxySettings.HealthCheck check) {
    c.add("# lab systems: HL7 v2 ORU^R01 over MLLP, TLS terminated here");
    c.add("frontend " + LAB_FRONTEND);
    c.add("  mode tcp");
    c.add("  option tcplog");
    c.add("  bind " + h.host() + ":" + h.labPort() + " ssl crt " + tls.certificate());
    if (!virtualIp.isEmpty()) {
      c.add("  bind " + virtualIp + ":" + h.labPort() + " ssl crt " + tls.certificate());
    }
    c.add("  default_backend " + LAB_BACKEND);
    c.add("");
    c.add("backend " + LAB_BACKEND);
    c.add("  mode tcp");
    c.add("  balance roundrobin");
    readinessCheck(c, check);
    for (NodeName node : new NodeName[] {NodeName.NODE_A, NodeName.NODE_B}) {
      c.add("  server " + node.id() + " " + layout.host(node) + ":" + layout.ports(node).mllp()
          + " check port " + layout.ports(node).app());
    }
    c.add("");
  }

  /** The edge-nodes' readiness endpoint, as HAProxy checks it for HTTP and for MLLP alike. */
  private static void readinessCheck(StringJoiner c, HaproxySettings.HealthCheck check) {
    c.add("  option httpchk GET " + check.path());
    c.add("  http-check expect status 200");
    c.add("  default-server inter " + Durations.format(check.interval()) + " downinter "
        + Durations.format(check.recheckInterval()) + " fastinter "
        + Durations.format(check.recheckInterval()) + " fall " + check.fall() + " rise "
        + check.rise());
  }

  /** The server certificate + key (PEM, HAProxy's {@code crt}) and, locally, the CA to hand out. */
  public record Tls(String certificate, String caCertificate) {}
}
