package br.prontuario.edge.node.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InferenceGateTest {

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final InferenceGate gate = new InferenceGate(new InferenceProperties(null,
      Map.of("chat", new InferenceProperties.Limits(1, 1, Duration.ofMillis(200))), Duration.ofSeconds(7)), meters);
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void releaseWorkers() throws Exception {
    release.countDown();
    gate.destroy();
  }

  @Test
  void runsWorkAndRecordsItsLatency() {
    assertThat(gate.call("chat", () -> 42)).isEqualTo(42);

    assertThat(meters.get("edge.inference.latency").tag("model", "chat").timer().count()).isEqualTo(1);
  }

  @Test
  void rejectsWithQueueFullBeyondConcurrencyAndQueue() {
    gate.submit("chat", this::blockUntilReleased);
    gate.submit("chat", this::blockUntilReleased);

    assertThatThrownBy(() -> gate.submit("chat", this::blockUntilReleased))
        .isInstanceOfSatisfying(InferenceRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(InferenceRejectedException.Reason.QUEUE_FULL);
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });
    assertThat(meters.get("edge.inference.queue.depth").tag("model", "chat").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void givesUpWaitingAfterTheModelTimeout() {
    assertThatThrownBy(() -> gate.call("chat", this::blockUntilReleased))
        .isInstanceOfSatisfying(InferenceRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(InferenceRejectedException.Reason.TIMED_OUT));
  }

  @Test
  void passesTheWorksOwnFailureThrough() {
    assertThatThrownBy(() -> gate.call("chat", () -> {
      throw new IllegalArgumentException("bad audio");
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad audio");
  }

  @Test
  void keepsModelsApart() throws Exception {
    gate.submit("chat", this::blockUntilReleased);
    gate.submit("chat", this::blockUntilReleased);

    CompletableFuture<String> face = gate.submit("face", () -> "ok");

    assertThat(face.get(5, TimeUnit.SECONDS)).isEqualTo("ok");
  }

  private String blockUntilReleased() throws InterruptedException {
    release.await(10, TimeUnit.SECONDS);
    return "done";
  }
}
