package br.prontuario.edge.controller.routing;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.Binaries;
import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.localcluster.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a real haproxy 2.6 through its runtime API. */
class HaproxyRouterIT {

  @TempDir static Path dir;
  static ManagedProcess haproxy;
  static int adminPort;
  static HaproxyRuntimeApi api;

  @BeforeAll
  static void startHaproxy() throws IOException {
    adminPort = FreePorts.next();
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(cfg, String.join("\n",
        "global",
        "  stats socket ipv4@127.0.0.1:" + adminPort + " level admin",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 10s",
        "  timeout server 10s",
        "frontend edge",
        "  bind 127.0.0.1:" + FreePorts.next(),
        "  default_backend edge_nodes",
        "backend edge_nodes",
        "  server node-a 127.0.0.1:" + FreePorts.next(),
        "  server node-b 127.0.0.1:" + FreePorts.next(),
        "  server cloud 127.0.0.1:9 backup disabled",
        ""));
    Path binary = Binaries.require("haproxy", "haproxy", "haproxy");
    haproxy = ManagedProcess.start("haproxy", List.of(binary.toString(), "-db", "-f", cfg.toString()), dir,
        dir.resolve("haproxy.log"), Map.of());
    haproxy.awaitPort(adminPort, Duration.ofSeconds(20));
    api = new HaproxyRuntimeApi("127.0.0.1", adminPort, Duration.ofSeconds(2));
  }

  @AfterAll
  static void stopHaproxy() {
    haproxy.stop(Duration.ofSeconds(5));
  }

  private HaproxyRouter router;

  @BeforeEach
  void bothNodesReady() {
    router = new HaproxyRouter(new RoutingProperties.Haproxy("127.0.0.1", adminPort, null, null, null),
        List.of("node-a", "node-b"));
    router.routeTo("node-a");
  }

  @Test
  void routingToANodeReadiesItAndDrainsTheOther() throws IOException {
    RouteOutcome outcome = router.routeTo("node-b");

    assertThat(outcome).isEqualTo(new RouteOutcome(true, "node-b ready; node-a drain"));
    assertThat(router.activeNode()).contains("node-b");
    assertThat(statusOf("node-a")).isEqualTo("DRAIN");
  }

  @Test
  void routingBackRestoresTheFirstNode() {
    router.routeTo("node-b");
    router.routeTo("node-a");

    assertThat(router.activeNode()).contains("node-a");
  }

  @Test
  void cloudSlotStartsInMaintenanceAndOpensOnlyWhenAsked() throws IOException {
    assertThat(statusOf("cloud")).isEqualTo("MAINT");

    assertThat(router.routeToCloud(true).ok()).isTrue();
    assertThat(statusOf("cloud")).isNotEqualTo("MAINT");

    assertThat(router.routeToCloud(false).ok()).isTrue();
    assertThat(statusOf("cloud")).isEqualTo("MAINT");
  }

  @Test
  void anUnknownServerIsAFailedOutcomeNotAnException() {
    HaproxyRouter wrong = new HaproxyRouter(
        new RoutingProperties.Haproxy("127.0.0.1", adminPort, "edge_nodes", "cloud", null), List.of("node-a", "node-z"));

    RouteOutcome outcome = wrong.routeTo("node-z");

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.detail()).contains("No such server");
  }

  @Test
  void anUnreachableRuntimeApiIsAFailedOutcome() {
    HaproxyRouter nowhere = new HaproxyRouter(
        new RoutingProperties.Haproxy("127.0.0.1", FreePorts.next(), null, null, null), List.of("node-a"));

    assertThat(nowhere.routeTo("node-a").ok()).isFalse();
    assertThat(nowhere.activeNode()).isEmpty();
  }

  /** The status column of {@code show stat} for one server of the backend. */
  private static String statusOf(String server) throws IOException {
    String[] lines = api.execute("show stat").split("\n");
    List<String> header = List.of(lines[0].substring(2).split(","));
    int status = header.indexOf("status");
    for (String line : lines) {
      String[] f = line.split(",", -1);
      if (f.length > status && f[0].equals("edge_nodes") && f[1].equals(server)) {
        return f[status];
      }
    }
    throw new AssertionError("no server " + server + " in show stat");
  }
}
