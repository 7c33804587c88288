package br.prontuario.edge.controller.routing;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.testsupport.servers.RealHaproxy;
import br.prontuario.edge.localcluster.process.FreePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives a real haproxy 2.6 through its runtime API. */
class HaproxyRouterIT {

  @TempDir static Path dir;
  static RealHaproxy haproxy;
  static int adminPort;

  @BeforeAll
  static void startHaproxy() {
    haproxy = RealHaproxy.start(dir);
    adminPort = haproxy.adminPort();
  }

  @AfterAll
  static void stopHaproxy() {
    haproxy.close();
  }

  private HaproxyRouter router;

  @BeforeEach
  void bothNodesReady() {
    router = new HaproxyRouter(new RoutingProperties.Haproxy("127.0.0.1", adminPort, null, null, null),
        List.of("node-a", "node-b"));
    router.routeTo("node-a");
  }

  @Test
  void routingToANodeReadiesItAndDrainsTheOther() {
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
  void cloudSlotStartsInMaintenanceAndOpensOnlyWhenAsked() {
    assertThat(statusOf("cloud")).isEqualTo("MAINT");
    assertThat(router.cloudRouted()).isFalse();

    assertThat(router.routeToCloud(true).ok()).isTrue();
    assertThat(statusOf("cloud")).isNotEqualTo("MAINT");
    assertThat(router.cloudRouted()).isTrue();
    // a node coming back must not take clinicians before failback merged the cloud's writes
    assertThat(statusOf("node-a")).isEqualTo("MAINT");
    assertThat(statusOf("node-b")).isEqualTo("MAINT");

    assertThat(router.routeToCloud(false).ok()).isTrue();
    assertThat(statusOf("cloud")).isEqualTo("MAINT");
    assertThat(router.cloudRouted()).isFalse();
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

  private static String statusOf(String server) {
    return haproxy.statusOf(server);
  }
}
