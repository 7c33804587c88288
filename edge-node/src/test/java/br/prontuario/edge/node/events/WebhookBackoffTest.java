package br.prontuario.edge.node.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The wait before each retry: doubled from firstRetry, capped at maxRetry, up to half jittered. */
class WebhookBackoffTest {

  private final WebhookRelay relay = new WebhookRelay(new EventsProperties(8,
      Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofDays(7)),
      null, null, Clock.systemUTC(), new SimpleMeterRegistry());

  @Test
  void doublesFromTheFirstRetryWithUpToHalfTakenOffAtRandom() {
    for (int attempt = 1; attempt <= 7; attempt++) {
      long full = 2_000L << (attempt - 1);
      int a = attempt;
      IntStream.range(0, 200).forEach(i -> assertThat(relay.backoff(a).toMillis())
          .as("attempt %d", a).isBetween(full / 2, full));
    }
  }

  @Test
  void neverWaitsLongerThanTheCapNorShorterThanHalfOfIt() {
    IntStream.range(0, 200).forEach(i -> assertThat(relay.backoff(40).toMillis())
        .isBetween(150_000L, 300_000L));
  }

  @Test
  void theJitterSpreadsRetriesOut() {
    assertThat(IntStream.range(0, 50).mapToObj(i -> relay.backoff(3)).distinct().count())
        .isGreaterThan(10);
  }
}
