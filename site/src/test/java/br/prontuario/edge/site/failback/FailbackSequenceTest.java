package br.prontuario.edge.site.failback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The rule's branches; merges with no cloud-fallback configured, or one that does not answer. */
class FailbackSequenceTest {

  private final AtomicInteger routed = new AtomicInteger();

  @Test
  void aFailedFirstMergeRoutesNothing() throws IOException {
    CloudMerge nowhere = new CloudMerge("http://127.0.0.1:" + closedPort(),
        Base64.getEncoder().encodeToString(new byte[32]), "test", Duration.ofSeconds(2),
        Clock.systemUTC());

    FailbackOutcome outcome = new FailbackSequence(nowhere, Duration.ZERO).run(this::moved);

    assertThat(outcome).isInstanceOf(FailbackOutcome.NotMerged.class);
    assertThat(((FailbackOutcome.NotMerged) outcome).first())
        .isInstanceOf(MergeReply.Unreachable.class);
    assertThat(routed).hasValue(0);
  }

  @Test
  void aRefusedRoutingKeepsClinicsOnTheCloudAndMergesNoMore() {
    FailbackOutcome outcome = new FailbackSequence(CloudMerge.NONE, Duration.ZERO)
        .run(() -> new Routing.Refused("route to node-a: No such server"));

    assertThat(outcome).isInstanceOf(FailbackOutcome.NotRouted.class);
    assertThat(((FailbackOutcome.NotRouted) outcome).routing().detail()).contains("No such server");
  }

  @Test
  void routedBackIsCompleteOnlyOnceTheCloudPathIsClosed() {
    FailbackOutcome closed = new FailbackSequence(CloudMerge.NONE, Duration.ZERO).run(this::moved);
    FailbackOutcome stillOpen = new FailbackSequence(CloudMerge.NONE, Duration.ZERO)
        .run(() -> new Routing.Moved("node-a ready; cloud: No such server", false));

    assertThat(closed).isInstanceOf(FailbackOutcome.RoutedBack.class);
    assertThat(((FailbackOutcome.RoutedBack) closed).complete()).isTrue();
    assertThat(((FailbackOutcome.RoutedBack) stillOpen).complete()).isFalse();
    assertThat(routed).hasValue(1);
  }

  @Test
  void withoutAnEntryPointThereIsNothingToRouteAndTheSecondMergeStillRuns() {
    FailbackOutcome outcome = new FailbackSequence(CloudMerge.NONE, Duration.ZERO)
        .run(Routing.None::new);

    assertThat(((FailbackOutcome.RoutedBack) outcome).last())
        .isInstanceOf(MergeReply.NotConfigured.class);
    assertThat(((FailbackOutcome.RoutedBack) outcome).complete()).isTrue();
  }

  private Routing moved() {
    routed.incrementAndGet();
    return new Routing.Moved("node-a ready; node-b drain; cloud maint", true);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
