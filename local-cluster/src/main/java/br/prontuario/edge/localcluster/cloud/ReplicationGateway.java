package br.prontuario.edge.localcluster.cloud;

import br.prontuario.edge.localcluster.process.Binaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The single address the cloud standby replicates from (and failback writes to): an HAProxy TCP
 * frontend that forwards to whichever edge node Patroni reports as primary ({@code GET /primary}
 * = 200), so the cloud follows edge failovers without being reconfigured. In production the same
 * frontend sits on the witness host behind the site-to-site VPN.
 */
public final class ReplicationGateway {

  /** The port the GKE site's {@code edge-replication} Service expects on the hospital side. */
  public static final int PRODUCTION_PORT = 5432;

  private ReplicationGateway() {}

  static void start(CloudProcesses processes, int port, List<EdgeUpstream> upstreams) {
    Path haproxy = Binaries.require("haproxy", "haproxy", "haproxy");
    Path dir = processes.dir(CloudSite.GATEWAY);
    Path config = dir.resolve("gateway.cfg");
    try {
      Files.createDirectories(dir);
      Files.writeString(config, render(List.of("127.0.0.1:" + port), upstreams));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    processes.start(CloudSite.GATEWAY, List.of(haproxy.toString(), "-db", "-f", config.toString()),
        Map.of());
    if (!Waits.until(() -> Ports.listening(port), Duration.ofSeconds(15), 100)) {
      throw new IllegalStateException("the cloud replication gateway did not listen on " + port
          + "; log " + processes.log(CloudSite.GATEWAY));
    }
  }

  /** The HAProxy configuration, listening on each of {@code binds} (address:port). */
  public static String render(List<String> binds, List<EdgeUpstream> upstreams) {
    boolean patroni = upstreams.stream().allMatch(u -> u.patroniPort() != null);
    StringJoiner c = new StringJoiner("\n", "", "\n");
    c.add("# cloud replication gateway: forwards to the edge PostgreSQL primary (written by edgectl)");
    c.add("global");
    c.add("  maxconn 256");
    c.add("defaults");
    c.add("  mode tcp");
    c.add("  timeout connect 2s");
    c.add("  timeout client 30m");
    c.add("  timeout server 30m");
    c.add("  timeout check 2s");
    c.add("listen edge_primary");
    binds.forEach(bind -> c.add("  bind " + bind));
    if (patroni) {
      c.add("  option httpchk GET /primary");
      c.add("  http-check expect status 200");
    }
    c.add("  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions");
    for (EdgeUpstream u : upstreams) {
      // the stream itself is PostgreSQL's own TLS; only the check to Patroni's REST API is wrapped
      c.add("  server " + u.name() + " " + u.host() + ":" + u.postgresPort() + " check"
          + (u.patroniPort() == null ? "" : " port " + u.patroniPort())
          + (u.patroniCa() == null ? "" : " check-ssl verify required ca-file " + u.patroniCa()));
    }
    return c.toString();
  }
}
