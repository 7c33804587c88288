package br.prontuario.edge.site.activation;

import static org.assertj.core.api.Assertions.assertThat;

import br.prontuario.edge.site.patroni.PatroniClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sequence's branches, with no cloud standby configured or a Patroni that does not answer. */
class CloudActivationTest {

  private final List<String> steps = new ArrayList<>();

  @Test
  void aRefusedPromotionRoutesNothing() throws IOException {
    StandbyPromotion nowhere = new PatroniRestPromotion("http://127.0.0.1:" + closedPort(),
        new PatroniClient(Duration.ofSeconds(2)));

    ActivationOutcome outcome = CloudActivation.forController(nowhere, this::serves, Clock.systemUTC())
        .activate(this::routed, Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.NotPromoted.class);
    assertThat(((ActivationOutcome.NotPromoted) outcome).detail()).startsWith("cloud Patroni ");
    assertThat(steps).isEmpty();
  }

  @Test
  void routesOnlyOnceTheCloudServes() {
    ActivationOutcome outcome = CloudActivation.forController(StandbyPromotion.NONE, this::serves,
        Clock.systemUTC()).activate(this::routed, Duration.ofSeconds(1));

    assertThat(steps).containsExactly("await serving", "route");
    assertThat(outcome).isEqualTo(new ActivationOutcome.Activated(Optional.empty(),
        new CloudRouting.Routed("cloud ready"), true));
  }

  @Test
  void theControllerRoutesACloudThatIsLateToServeAnyway() {
    ActivationOutcome outcome = CloudActivation.forController(StandbyPromotion.NONE, this::late,
        Clock.systemUTC()).activate(this::routed, Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.Activated.class);
    assertThat(((ActivationOutcome.Activated) outcome).servedBeforeRouting()).isFalse();
    assertThat(steps).containsExactly("await serving", "route");
  }

  @Test
  void anOperatorsActivationDoesNotRouteToACloudThatIsLateToServe() {
    CloudActivation stopsWhenLate = new CloudActivation(StandbyPromotion.NONE, this::late, false,
        null, Clock.systemUTC());

    ActivationOutcome outcome = stopsWhenLate.activate(this::routed, Duration.ofSeconds(1));

    assertThat(outcome).isInstanceOf(ActivationOutcome.NotPromoted.class);
    assertThat(((ActivationOutcome.NotPromoted) outcome).detail())
        .startsWith("the cloud database is not a primary 1 s after");
    assertThat(steps).containsExactly("await serving");
  }

  @Test
  void aRefusedRoutingIsNotRoutedAndSaysWhetherTheCloudServed() {
    ActivationOutcome outcome = CloudActivation.forController(StandbyPromotion.NONE, this::serves,
        Clock.systemUTC()).activate(() -> new CloudRouting.Refused("No such server"),
            Duration.ofSeconds(1));

    assertThat(outcome).isEqualTo(new ActivationOutcome.NotRouted(
        new CloudRouting.Refused("No such server"), true));
  }

  private boolean serves(Duration patience) {
    steps.add("await serving");
    return true;
  }

  private boolean late(Duration patience) {
    steps.add("await serving");
    return false;
  }

  private CloudRouting routed() {
    steps.add("route");
    return new CloudRouting.Routed("cloud ready");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
