package br.prontuario.edge.controller.drill;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.controller.api.ControllerAppFixtureAccess;
import br.prontuario.edge.drill.scenario.ControllerApi;
import br.prontuario.edge.localcluster.process.FreePorts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What {@code edgectl drill restore} posts, through the drill's own client, reaches this controller's series. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RestoreDrillReportTest {

  @DynamicPropertySource
  static void cluster(DynamicPropertyRegistry registry) {
    ControllerAppFixtureAccess.properties(registry);
  }

  @LocalServerPort int port;

  @Test
  void aRestoreRunReachesEveryReplicaThatAnswersEvenWhenOneIsDown() {
    URI down = URI.create("http://127.0.0.1:" + FreePorts.next());
    URI up = URI.create("http://127.0.0.1:" + port);
    ControllerApi replicas = new ControllerApi(List.of(down, up), ControllerAppFixtureAccess.secret(),
        Clock.systemUTC());

    String problem = replicas.postRestoreRun(true, 0, Duration.ofMillis(26_400), Duration.ofMillis(37_100));
    String scrape = ControllerAppFixtureAccess.call(port, "GET", "/metrics", null, null).body();

    assertThat(problem).startsWith(down + ": controller unreachable").doesNotContain(up.toString());
    assertThat(scrape).contains("last_restore_drill_success 1.0", "last_restore_drill_archive_lag_seconds 26.4",
        "last_restore_drill_restore_duration_seconds 37.1");
  }

  @Test
  void aFailedRestoreRunIsAcceptedAndSaysSo() {
    ControllerApi controller = new ControllerApi(URI.create("http://127.0.0.1:" + port),
        ControllerAppFixtureAccess.secret(), Clock.systemUTC());

    String problem = controller.postRestoreRun(false, 3, Duration.ofSeconds(58), Duration.ofSeconds(41));

    assertThat(problem).isNull();
    assertThat(ControllerAppFixtureAccess.call(port, "GET", "/metrics", null, null).body())
        .contains("last_restore_drill_success 0.0");
  }
}
