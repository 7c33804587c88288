package br.prontuario.edge.controller.routing;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.localcluster.process.FreePorts;
import br.prontuario.edge.testsupport.servers.RealHaproxy;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One router over the entry HAProxies of three boxes (real haproxy processes), one of them gone. */
class RedundantEntryRoutingIT {

  @TempDir Path dir;
  private RealHaproxy witness;
  private RealHaproxy nodeB;
  private final int deadPort = FreePorts.next();

  @AfterEach
  void stop() {
    witness.close();
    nodeB.close();
  }

  private HaproxyRouter routerOverThreeBoxes() {
    witness = RealHaproxy.start(dir.resolve("witness"));
    nodeB = RealHaproxy.start(dir.resolve("node-b"));
    return new HaproxyRouter(new RoutingProperties.Haproxy("127.0.0.1", 0, null, null, null,
        List.of("127.0.0.1:" + witness.adminPort(), "127.0.0.1:" + deadPort,
            "127.0.0.1:" + nodeB.adminPort())), List.of("node-a", "node-b"));
  }

  @Test
  void anUnreachableHaproxyDoesNotStopRoutingThroughTheOthers() {
    HaproxyRouter router = routerOverThreeBoxes();

    RouteOutcome outcome = router.routeTo("node-b");

    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.detail()).startsWith("node-b ready; node-a drain")
        .contains("127.0.0.1:" + deadPort);
    for (RealHaproxy entry : List.of(witness, nodeB)) {
      assertThat(entry.statusOf("node-a")).isEqualTo("DRAIN");
      assertThat(entry.statusOf("node-b")).isNotEqualTo("DRAIN").isNotEqualTo("MAINT");
    }
    assertThat(router.activeNode()).contains("node-b");
  }

  @Test
  void aHaproxyThatReturnsWithItsStartingStateMakesTheRoutersDisagreeUntilRoutedAgain() {
    HaproxyRouter router = routerOverThreeBoxes();
    router.routeTo("node-b");
    int port = nodeB.adminPort();
    nodeB.close();
    nodeB = RealHaproxy.start(dir.resolve("node-b-again"), port);

    // both nodes ready on the returned one: no single active node until the controller resyncs
    assertThat(router.activeNode()).isEmpty();
    assertThat(router.routeTo("node-b").ok()).isTrue();

    assertThat(nodeB.statusOf("node-a")).isEqualTo("DRAIN");
    assertThat(router.activeNode()).contains("node-b");
  }

  @Test
  void theCloudCountsAsRoutedWhenAnyAnsweringHaproxySendsThere() {
    HaproxyRouter router = routerOverThreeBoxes();

    assertThat(router.routeToCloud(true).ok()).isTrue();
    assertThat(router.cloudRouted()).isTrue();
    assertThat(nodeB.statusOf("node-a")).isEqualTo("MAINT");

    assertThat(router.routeToCloud(false).ok()).isTrue();
    assertThat(router.cloudRouted()).isFalse();
  }

  @Test
  void noHaproxyAnsweringIsAFailedOutcomeNamingThem() {
    witness = RealHaproxy.start(dir.resolve("witness"));
    nodeB = RealHaproxy.start(dir.resolve("node-b"));
    int other = FreePorts.next();
    HaproxyRouter nowhere = new HaproxyRouter(new RoutingProperties.Haproxy(null, 0, null, null, null,
        List.of("127.0.0.1:" + deadPort, "127.0.0.1:" + other)), List.of("node-a", "node-b"));

    RouteOutcome outcome = nowhere.routeTo("node-a");

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.detail()).contains("127.0.0.1:" + deadPort, "127.0.0.1:" + other, "unreachable");
    assertThat(nowhere.activeNode()).isEmpty();
  }
}
